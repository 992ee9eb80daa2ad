package dev.wren.serving.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.wren.core.recommend.Event;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.UserRatings;
import dev.wren.serving.errors.BadRequestException;
import dev.wren.serving.errors.NotFoundException;
import dev.wren.serving.pipeline.Recommendation;
import dev.wren.serving.pipeline.ServingState;
import dev.wren.serving.pipeline.UserContext;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Users: profile, history, recommendations; and the events they send. */
final class UserRoutes {
    private final Services services;

    UserRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/users/{id}", this::profile);
        routes.get("/api/v1/users/{id}/history", this::history);
        routes.get("/api/v1/users/{id}/recommendations", this::recommend);
        routes.post("/api/v1/events", this::event);
    }

    private int knownUser(Context ctx, ServingState s) {
        int id = Params.pathInt(ctx, "id");
        if (!s.data().users().known(id)) {
            throw new NotFoundException("no user with id " + id);
        }
        return id;
    }

    private void profile(Context ctx) {
        ServingState s = services.state().current();
        int id = Params.pathInt(ctx, "id");
        // One read of the user's store row says both whether they exist and what their taste is.
        UserContext user = s.data().users().user(id);
        if (!user.known()) {
            throw new NotFoundException("no user with id " + id);
        }
        List<Views.HistoryEntry> history = entries(s, id);
        double avg = history.stream()
                .filter(h -> h.type().equals("rating"))
                .mapToDouble(Views.HistoryEntry::rating)
                .average()
                .orElse(0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("ratingCount", history.size());
        out.put("ratingAverage", Math.round(avg * 100) / 100.0);
        out.put("topGenres", user.topGenres());
        out.put(
                "recentPositives",
                user.recentPositives().stream()
                        .filter(s.data().catalog()::contains)
                        .map(i -> Views.movie(s.data().catalog(), i))
                        .toList());
        out.put("hasEmbedding", user.embedding().isPresent());
        out.put("experiments", services.recommender().plan(id).assignments());
        ctx.json(out);
    }

    private void history(Context ctx) {
        ServingState s = services.state().current();
        int id = knownUser(ctx, s);
        int offset = Params.queryInt(ctx, "offset", 0, 0, 1_000_000);
        int limit = Params.queryInt(ctx, "limit", 50, 1, MovieRoutes.MAX_LIMIT);
        List<Views.HistoryEntry> all = entries(s, id);
        int from = Math.min(offset, all.size());
        ctx.json(new Views.Page<>(offset, limit, all.subList(from, Math.min(all.size(), from + limit))));
    }

    /** The user's ratings and clicks, newest first: the events since start-up, then the ratings file. */
    private List<Views.HistoryEntry> entries(ServingState s, int id) {
        Catalog catalog = s.data().catalog();
        List<Views.HistoryEntry> out = new ArrayList<>();
        services.recent().of(id).stream()
                .filter(e -> catalog.contains(e.itemId()))
                .forEach(e -> out.add(new Views.HistoryEntry(
                        Views.movie(catalog, e.itemId()),
                        e.value(),
                        e.type().name().toLowerCase(Locale.ROOT),
                        e.timestamp(),
                        "live")));
        UserRatings base = s.data().ratings().user(id).orElse(UserRatings.EMPTY);
        for (int i = 0; i < base.size(); i++) {
            if (catalog.contains(base.items()[i])) {
                out.add(new Views.HistoryEntry(
                        Views.movie(catalog, base.items()[i]),
                        base.ratings()[i],
                        "rating",
                        base.timestamps()[i],
                        "log"));
            }
        }
        out.sort(Comparator.comparingLong(Views.HistoryEntry::timestamp).reversed());
        return out;
    }

    private void recommend(Context ctx) {
        ServingState s = services.state().current();
        int id = Params.pathInt(ctx, "id");
        int size = Params.queryInt(ctx, "size", 10, 1, 100);
        Optional<String> genre = MovieRoutes.genre(ctx, s.data().catalog());
        Recommendation r = services.recommender().recommend(new RecommendRequest(id, size, genre, "default", Map.of()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("userId", id);
        out.put("coldStart", r.coldStart());
        out.put("variant", r.variant());
        out.put("experiments", r.assignments());
        out.put("state", r.stateVersion());
        out.put("emptyChannels", r.emptyChannels());
        r.degraded().ifPresent(reason -> out.put("degraded", reason));
        Catalog catalog = services.state().current().data().catalog();
        out.put(
                "items",
                r.items().stream()
                        .filter(i -> catalog.contains(i.itemId()))
                        .map(i -> Views.recommended(catalog, i))
                        .toList());
        ctx.json(out);
    }

    private void event(Context ctx) {
        JsonNode body;
        try {
            body = services.json().readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw new BadRequestException("the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw new BadRequestException("the body must be a JSON object");
        }
        int userId = intField(body, "userId");
        int movieId = intField(body, "movieId");
        String typeText = body.path("type").asText("rating").toUpperCase(Locale.ROOT);
        Event.Type type;
        try {
            type = Event.Type.valueOf(typeText);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(
                    "type must be 'rating' or 'click', got '" + Params.abbreviate(typeText) + "'");
        }
        double value = 1;
        if (type == Event.Type.RATING) {
            JsonNode v = body.get("value");
            // Jackson reads 1e400 as infinity and 1e-400 as zero, so the range check below catches both.
            if (v == null || !v.isNumber()) {
                throw new BadRequestException("a rating needs a numeric 'value' (0.5 to 5), got "
                        + (v == null ? "nothing" : Params.abbreviate(v.toString())));
            }
            value = v.asDouble();
            if (!(value >= 0.5 && value <= 5)) {
                throw new BadRequestException(
                        "'value' must be a rating between 0.5 and 5, got " + Params.abbreviate(v.toString()));
            }
        }
        long timestamp = body.has("timestamp") ? longField(body, "timestamp") : System.currentTimeMillis() / 1000;
        if (timestamp < 0) {
            throw new BadRequestException("timestamp must not be negative");
        }
        Event event = new Event(userId, movieId, type, value, timestamp);
        services.updater().accept(event);
        ctx.json(Map.of(
                "accepted",
                true,
                "userId",
                userId,
                "movieId",
                movieId,
                "type",
                type.name().toLowerCase(Locale.ROOT)));
    }

    private static int intField(JsonNode body, String name) {
        return Params.jsonId(name, body.get(name));
    }

    private static long longField(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new BadRequestException("'" + name + "' must be an integer (seconds since the epoch), got "
                    + (v == null ? "nothing" : Params.abbreviate(v.toString())));
        }
        return v.asLong();
    }
}
