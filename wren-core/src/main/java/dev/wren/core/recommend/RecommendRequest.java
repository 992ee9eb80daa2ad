package dev.wren.core.recommend;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request for recommendations.
 *
 * @param userId the user to recommend for; a user with no history gets cold-start picks
 * @param size how many items to return, at least 1
 * @param genre restrict to items of this genre, when present
 * @param variant the experiment variant that serves this request (for logs and responses), e.g. {@code control}
 * @param context free-form request context (device, page, ...), for stages that use it
 */
public record RecommendRequest(
        int userId, int size, Optional<String> genre, String variant, Map<String, String> context) {
    public RecommendRequest {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1, got " + size);
        }
        Objects.requireNonNull(genre, "genre");
        Objects.requireNonNull(variant, "variant");
        context = Map.copyOf(context);
    }

    /** A request with no genre filter, the default variant and no context. */
    public static RecommendRequest of(int userId, int size) {
        return new RecommendRequest(userId, size, Optional.empty(), "default", Map.of());
    }

    /** This request served by another variant. */
    public RecommendRequest withVariant(String name) {
        return new RecommendRequest(userId, size, genre, name, context);
    }
}
