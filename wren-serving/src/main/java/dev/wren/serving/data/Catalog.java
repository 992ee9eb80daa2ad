package dev.wren.serving.data;

import dev.wren.core.model.Item;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The movie catalogue with rating statistics and pre-sorted lists (by popularity, by rating per genre). Immutable and
 * thread-safe once built.
 */
public final class Catalog {
    /** How many ratings the Bayesian average counts the global mean as. */
    private static final double PRIOR_WEIGHT = 10;

    /** Orders for listing movies. */
    public enum Sort {
        RATING,
        POPULARITY,
        YEAR,
        TITLE
    }

    private final Map<Integer, Item> items;
    private final Map<Integer, String> lowerTitles;
    private final List<Integer> byPopularity;
    private final Map<String, List<Integer>> byGenreRating;
    private final List<String> genreNames;
    private final int newestYear;
    // The request path's lookups (thousands per request): raw id -> slot, then arrays by slot.
    private final IdSlots slots;
    private final Item[] itemAt;
    private final ItemStats[] statsAt;
    private final long[] maskAt;
    private final int[] yearAt;

    /** What {@link #year} says for an item without a release year. */
    public static final int NO_YEAR = Integer.MIN_VALUE;

    private Catalog(Map<Integer, Item> items, Map<Integer, ItemStats> stats) {
        this.items = IntKeys.freeze(items);
        Map<Integer, String> titles = new HashMap<>();
        items.forEach((id, item) -> titles.put(id, item.title().toLowerCase(Locale.ROOT)));
        this.lowerTitles = IntKeys.freeze(titles);
        Map<String, List<Integer>> genres = new TreeMap<>();
        items.values().forEach(item -> item.genres()
                .forEach(g -> genres.computeIfAbsent(g, k -> new ArrayList<>()).add(item.id())));
        List<String> names = new ArrayList<>(genres.keySet());
        // Sorted once here: Map.copyOf's iteration order changes from one JVM run to the next, which made the genre
        // order of cold-start picks (genre-top takes every genre in turn) differ between restarts.
        this.genreNames = List.copyOf(names);
        Map<Integer, Long> masks = new HashMap<>();
        items.values().forEach(item -> {
            long mask = 0;
            for (String g : item.genres()) {
                // Beyond 64 genres, bits are shared: similarity gets coarser, nothing breaks.
                mask |= 1L << (names.indexOf(g) % 64);
            }
            masks.put(item.id(), mask);
        });
        this.itemAt = new Item[items.size()];
        this.statsAt = new ItemStats[items.size()];
        this.maskAt = new long[items.size()];
        this.yearAt = new int[items.size()];
        int[] ids = new int[items.size()];
        int slot = 0;
        for (Item item : items.values()) {
            ids[slot] = item.id();
            itemAt[slot] = item;
            statsAt[slot] = stats.get(item.id());
            maskAt[slot] = masks.get(item.id());
            yearAt[slot] = item.year().orElse(NO_YEAR);
            slot++;
        }
        this.slots = new IdSlots(ids);
        // Sorted after the slots exist: the orders read the statistics through them.
        this.byPopularity = sorted(new ArrayList<>(items.keySet()), Sort.POPULARITY);
        Map<String, List<Integer>> sortedGenres = new TreeMap<>();
        genres.forEach((g, list) -> sortedGenres.put(g, sorted(list, Sort.RATING)));
        this.byGenreRating = Map.copyOf(sortedGenres);
        this.newestYear = items.values().stream()
                .filter(i -> i.year().isPresent())
                .mapToInt(i -> i.year().getAsInt())
                .max()
                .orElse(2000);
    }

    /** Computes the statistics of every item from the ratings. */
    public static Catalog build(Map<Integer, Item> items, RatingsIndex ratings) {
        Map<Integer, int[]> counts = new HashMap<>();
        Map<Integer, double[]> sums = new HashMap<>();
        Map<Integer, long[]> last = new HashMap<>();
        double total = 0;
        long n = 0;
        for (UserRatings ur : ratings.all().values()) {
            for (int i = 0; i < ur.size(); i++) {
                int item = ur.items()[i];
                counts.computeIfAbsent(item, k -> new int[1])[0]++;
                sums.computeIfAbsent(item, k -> new double[1])[0] += ur.ratings()[i];
                long[] l = last.computeIfAbsent(item, k -> new long[1]);
                l[0] = Math.max(l[0], ur.timestamps()[i]);
                total += ur.ratings()[i];
                n++;
            }
        }
        double globalMean = n == 0 ? 0 : total / n;
        List<Integer> ids = new ArrayList<>(items.keySet());
        ids.sort(Comparator.comparingInt((Integer id) -> counts.getOrDefault(id, new int[1])[0])
                .reversed()
                .thenComparingInt(id -> id));
        Map<Integer, ItemStats> stats = new HashMap<>();
        for (int rank = 0; rank < ids.size(); rank++) {
            int id = ids.get(rank);
            int c = counts.getOrDefault(id, new int[1])[0];
            double sum = sums.getOrDefault(id, new double[1])[0];
            double avg = c == 0 ? 0 : sum / c;
            double bayes = (sum + PRIOR_WEIGHT * globalMean) / (c + PRIOR_WEIGHT);
            stats.put(id, new ItemStats(c, avg, bayes, rank + 1, last.getOrDefault(id, new long[1])[0]));
        }
        return new Catalog(items, stats);
    }

    public Optional<Item> item(int id) {
        int slot = slots.slot(id);
        return slot < 0 ? Optional.empty() : Optional.of(itemAt[slot]);
    }

    /** The items' dense slots, for per-request arrays over the catalogue. */
    public IdSlots slots() {
        return slots;
    }

    /** The id of the item in a slot (0 to size - 1). */
    public int idAt(int slot) {
        return itemAt[slot].id();
    }

    public boolean contains(int id) {
        return slots.slot(id) >= 0;
    }

    public ItemStats stats(int id) {
        int slot = slots.slot(id);
        ItemStats s = slot < 0 ? null : statsAt[slot];
        return s == null ? new ItemStats(0, 0, 0, items.size(), 0) : s;
    }

    public int size() {
        return items.size();
    }

    /** Every genre, sorted by name. */
    public List<String> genres() {
        return genreNames;
    }

    public boolean hasGenre(String genre) {
        return byGenreRating.containsKey(genre);
    }

    /** All item ids, most rated first. */
    public List<Integer> byPopularity() {
        return byPopularity;
    }

    /** The items of one genre, best Bayesian rating first; empty for an unknown genre. */
    public List<Integer> topRated(String genre) {
        return byGenreRating.getOrDefault(genre, List.of());
    }

    /** The item's release year, or {@link #NO_YEAR} (also for an unknown item): no object is touched. */
    public int year(int id) {
        int slot = slots.slot(id);
        return slot < 0 ? NO_YEAR : yearAt[slot];
    }

    /** The item's genres as a bit set (bit i: the i-th genre by name), for fast similarity; 0 when unknown. */
    public long genreMask(int id) {
        int slot = slots.slot(id);
        return slot < 0 ? 0 : maskAt[slot];
    }

    /** The newest release year in the catalogue: "now" for freshness, since datasets are historic. */
    public int newestYear() {
        return newestYear;
    }

    /**
     * Lists items whose title contains {@code query} (case-insensitive) and that have {@code genre}, in the given order.
     */
    public List<Integer> search(Optional<String> query, Optional<String> genre, Sort sort, int offset, int limit) {
        List<Integer> pool = genre.map(g -> new ArrayList<>(byGenreRating.getOrDefault(g, List.of())))
                .orElseGet(() -> new ArrayList<>(byPopularity));
        if (query.isPresent()) {
            String q = query.get().toLowerCase(Locale.ROOT);
            pool.removeIf(id -> !lowerTitles.get(id).contains(q));
        }
        List<Integer> ordered = sorted(pool, sort);
        int from = Math.min(offset, ordered.size());
        return List.copyOf(ordered.subList(from, Math.min(ordered.size(), from + limit)));
    }

    private List<Integer> sorted(List<Integer> ids, Sort sort) {
        Comparator<Integer> order =
                switch (sort) {
                    case RATING ->
                        Comparator.comparingDouble((Integer id) -> -stats(id).bayesian());
                    case POPULARITY ->
                        Comparator.comparingInt((Integer id) -> -stats(id).count());
                    case YEAR ->
                        Comparator.comparingInt(
                                (Integer id) -> -items.get(id).year().orElse(0));
                    case TITLE ->
                        Comparator.comparing((Integer id) -> items.get(id).title());
                };
        List<Integer> copy = new ArrayList<>(ids);
        copy.sort(order.thenComparingInt(id -> id));
        return List.copyOf(copy);
    }
}
