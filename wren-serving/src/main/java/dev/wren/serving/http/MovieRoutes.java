package dev.wren.serving.http;

import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.CoOccurrence;
import dev.wren.serving.data.VectorIndex;
import dev.wren.serving.errors.BadRequestException;
import dev.wren.serving.errors.NotFoundException;
import dev.wren.serving.pipeline.ServingState;
import dev.wren.serving.trend.Trending;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Movies: one, search and lists, similar movies, posters, genres. */
final class MovieRoutes {
    static final int MAX_LIMIT = 200;

    private final Services services;
    private final Posters posters;

    MovieRoutes(Services services) {
        this.services = services;
        this.posters = new Posters(services.config().postersDir());
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/genres", ctx -> ctx.json(Map.of("genres", catalog().genres())));
        routes.get("/api/v1/items/trending", this::trending);
        routes.get("/api/v1/movies", this::list);
        routes.get("/api/v1/movies/{id}", ctx -> ctx.json(Views.movie(catalog(), existing(ctx))));
        routes.get("/api/v1/movies/{id}/similar", this::similar);
        routes.get("/api/v1/movies/{id}/poster", ctx -> {
            int id = existing(ctx);
            posters.serve(ctx, id, catalog().item(id).orElseThrow().title());
        });
    }

    private Catalog catalog() {
        return services.state().current().data().catalog();
    }

    private int existing(Context ctx) {
        int id = Params.pathInt(ctx, "id");
        if (!catalog().contains(id)) {
            throw new NotFoundException("no movie with id " + id);
        }
        return id;
    }

    private void list(Context ctx) {
        Catalog catalog = catalog();
        Optional<String> query = Params.queryText(ctx, "q", 200);
        Optional<String> genre = genre(ctx, catalog);
        Catalog.Sort sort = sort(ctx);
        int offset = Params.queryInt(ctx, "offset", 0, 0, 1_000_000);
        int limit = Params.queryInt(ctx, "limit", 20, 1, MAX_LIMIT);
        List<Views.Movie> items = catalog.search(query, genre, sort, offset, limit).stream()
                .map(id -> Views.movie(catalog, id))
                .toList();
        ctx.json(new Views.Page<>(offset, limit, items));
    }

    static Optional<String> genre(Context ctx, Catalog catalog) {
        Optional<String> genre = Params.queryText(ctx, "genre", 100);
        if (genre.isPresent() && !catalog.hasGenre(genre.get())) {
            throw new BadRequestException(
                    "unknown genre '" + Params.abbreviate(genre.get()) + "'; known: " + catalog.genres());
        }
        return genre;
    }

    private static Catalog.Sort sort(Context ctx) {
        Optional<String> raw = Params.queryText(ctx, "sort", 20);
        if (raw.isEmpty()) {
            return Catalog.Sort.POPULARITY;
        }
        try {
            return Catalog.Sort.valueOf(raw.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(
                    "sort must be one of rating, popularity, year, title; got '" + Params.abbreviate(raw.get()) + "'");
        }
    }

    /**
     * The items with the most events in the stream job's trend window, as the server last read them (every few
     * seconds); an empty list while nothing trends, for a page that hides the row then.
     */
    private void trending(Context ctx) {
        int size = Params.queryInt(ctx, "size", 20, 1, 100);
        ServingState s = services.state().current();
        Catalog catalog = s.data().catalog();
        Trending now = s.data().trends().get();
        List<Views.TrendingItem> items = now.items().stream()
                .filter(e -> catalog.contains(e.itemId()))
                .limit(size)
                .map(e -> new Views.TrendingItem(Views.movie(catalog, e.itemId()), e.count(), e.streamTime()))
                .toList();
        ctx.json(new Views.Trending(
                items,
                now.newestStreamTime().isPresent() ? now.newestStreamTime().getAsLong() : null));
    }

    /** Liked by the same people first, then nearest in embedding space, then the same genre's best. */
    private void similar(Context ctx) {
        ServingState s = services.state().current();
        Catalog catalog = s.data().catalog();
        int id = existing(ctx);
        int size = Params.queryInt(ctx, "size", 10, 1, 100);
        Set<Integer> taken = new LinkedHashSet<>();
        taken.add(id);
        List<Views.Recommended> out = new ArrayList<>();
        for (CoOccurrence.Neighbour n : s.data().coOccurrence().neighbours(id)) {
            if (out.size() < size && taken.add(n.itemId())) {
                out.add(new Views.Recommended(
                        Views.movie(catalog, n.itemId()), round(n.score()), "item-cf", "liked by the same people"));
            }
        }
        VectorIndex index = s.data().itemIndex();
        index.vector(id).ifPresent(v -> {
            for (VectorIndex.Hit hit : index.search(v, size + 1)) {
                if (out.size() < size && catalog.contains(hit.itemId()) && taken.add(hit.itemId())) {
                    out.add(new Views.Recommended(
                            Views.movie(catalog, hit.itemId()),
                            round(hit.score()),
                            "item-embedding",
                            "close in embedding space"));
                }
            }
        });
        List<String> genres = catalog.item(id).orElseThrow().genres();
        if (!genres.isEmpty()) {
            for (int other : catalog.topRated(genres.get(0))) {
                if (out.size() >= size) {
                    break;
                }
                if (taken.add(other)) {
                    out.add(new Views.Recommended(
                            Views.movie(catalog, other),
                            round(catalog.stats(other).bayesian()),
                            "genre-top",
                            "top rated in " + genres.get(0)));
                }
            }
        }
        ctx.json(Map.of("movieId", id, "items", out));
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}
