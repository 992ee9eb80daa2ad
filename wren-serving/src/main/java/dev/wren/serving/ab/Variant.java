package dev.wren.serving.ab;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One arm of an experiment: what it changes in the default pipeline.
 *
 * @param name a stable name, logged with every exposure
 * @param share the fraction of users it gets, in (0, 1]
 * @param channels the recall channels it uses instead of the default ones, when present
 * @param ranker the ranker it uses instead of the default, when present
 * @param reranker the re-ranker it uses instead of the default, when present
 * @param exploration how its rerank stage explores, when it does (otherwise its lists are deterministic)
 */
public record Variant(
        String name,
        double share,
        Optional<List<String>> channels,
        Optional<String> ranker,
        Optional<String> reranker,
        Optional<Exploration> exploration) {
    public Variant {
        Objects.requireNonNull(name, "name");
        channels = channels.map(List::copyOf);
        Objects.requireNonNull(ranker, "ranker");
        Objects.requireNonNull(reranker, "reranker");
        Objects.requireNonNull(exploration, "exploration");
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("variant '" + name + "' share must be in (0, 1], got " + share);
        }
        if (channels.isPresent() && channels.get().isEmpty()) {
            throw new IllegalArgumentException("variant '" + name + "' lists no channels");
        }
    }

    /** A variant that does not explore. */
    public Variant(
            String name,
            double share,
            Optional<List<String>> channels,
            Optional<String> ranker,
            Optional<String> reranker) {
        this(name, share, channels, ranker, reranker, Optional.empty());
    }

    /** A variant that changes nothing: the control arm. */
    public static Variant control(String name, double share) {
        return new Variant(name, share, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** This variant exploring as configured. */
    public Variant withExploration(Exploration e) {
        return new Variant(name, share, channels, ranker, reranker, Optional.of(e));
    }
}
