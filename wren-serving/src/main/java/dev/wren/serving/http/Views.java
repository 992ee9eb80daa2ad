package dev.wren.serving.http;

import dev.wren.core.model.Item;
import dev.wren.core.recommend.ScoredItem;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.ItemStats;
import java.util.List;

/** The JSON shapes of the API, as records. */
final class Views {
    private Views() {}

    record Movie(
            int id,
            String title,
            Integer year,
            List<String> genres,
            int ratingCount,
            double ratingAverage,
            int popularityRank,
            String poster) {}

    record Recommended(Movie movie, double score, String channel, String reason) {}

    record Page<T>(int offset, int limit, List<T> items) {}

    /**
     * The items trending now.
     *
     * @param items most events first
     * @param streamTime the newest trend's time (ms since the epoch), null before the stream job wrote any
     */
    record Trending(List<TrendingItem> items, Long streamTime) {}

    /** One trending movie, its events in the stream job's latest window, and that window's end (ms). */
    record TrendingItem(Movie movie, long count, long streamTime) {}

    record HistoryEntry(Movie movie, double rating, String type, long timestamp, String source) {}

    static Movie movie(Catalog catalog, int id) {
        Item item = catalog.item(id).orElseThrow();
        ItemStats s = catalog.stats(id);
        return new Movie(
                id,
                item.title(),
                item.year().isPresent() ? item.year().getAsInt() : null,
                item.genres(),
                s.count(),
                Math.round(s.average() * 100) / 100.0,
                s.popularityRank(),
                "/api/v1/movies/" + id + "/poster");
    }

    static Recommended recommended(Catalog catalog, ScoredItem s) {
        return new Recommended(
                movie(catalog, s.itemId()), Math.round(s.score() * 10000) / 10000.0, s.channel(), s.reason());
    }
}
