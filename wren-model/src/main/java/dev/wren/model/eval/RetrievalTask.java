package dev.wren.model.eval;

import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.Sample;
import dev.wren.model.data.SampleBatch;
import dev.wren.model.data.SampleSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A held-out retrieval task built from samples: the catalogue (one row per item, for its item-side features), and for
 * each held-out user a query row (the user-side features), the items to find (the user's held-out interactions) and
 * the items to leave out (the user's interactions in the seen samples, which a retriever filters). Every sample is an
 * interaction, whatever its label: a retriever finds what a user will watch, liked or not.
 *
 * <p>The query is the user's held-out row whose recent-items sequence holds the fewest of the items to find: the
 * user's features at the start of the held-out period, as nearly as the rows tell (ties: the first row in the
 * source's order). Items of index 0 (unknown to the layout's vocabulary) are neither in the catalogue nor among the
 * items to find: no model can retrieve them by id. Thread-safe: immutable after construction (do not change the
 * arrays).
 *
 * @param catalog one row per known item, in item-index order
 * @param queries the held-out users, by ascending user id
 * @param seenCounts interactions per item index in the seen samples (popularity)
 */
public record RetrievalTask(List<Sample> catalog, List<Query> queries, long[] seenCounts) {
    private static final int BATCH = 4096;

    public RetrievalTask {
        catalog = List.copyOf(catalog);
        queries = List.copyOf(queries);
    }

    /**
     * One held-out user.
     *
     * @param user the user id (the samples' group)
     * @param features the query row; only its user-side values matter
     * @param relevant item indices to find, ascending, none of them excluded
     * @param excluded item indices the user interacted with in the seen samples, ascending
     */
    public record Query(long user, Sample features, int[] relevant, int[] excluded) {
        public Query {
            if (relevant.length == 0) {
                throw new IllegalArgumentException("user " + user + " has nothing to find");
            }
        }
    }

    /**
     * The task of finding each user's {@code heldOut} interactions among all items, leaving out their {@code seen}
     * ones.
     *
     * @param maxQueries at most this many users, those of lowest id, to bound the cost of an evaluation
     */
    public static RetrievalTask of(
            FeatureLayout layout, List<SampleSource> seen, SampleSource heldOut, int maxQueries) {
        if (maxQueries < 1) {
            throw new IllegalArgumentException("maxQueries must be positive, got " + maxQueries);
        }
        int itemColumn = layout.itemIdIndex("retrieval evaluation");
        int items = layout.categorical().get(itemColumn).vocabularySize();
        TreeSet<Long> users = new TreeSet<>();
        forEachRow(heldOut, (batch, i) -> users.add(batch.groups()[i]));
        TreeSet<Long> chosen = new TreeSet<>();
        for (long u : users) {
            if (chosen.size() == maxQueries) {
                break;
            }
            chosen.add(u);
        }
        Map<Integer, Sample> catalogRows = new TreeMap<>();
        long[] counts = new long[items];
        Map<Long, TreeSet<Integer>> excluded = new HashMap<>();
        for (SampleSource source : seen) {
            forEachRow(source, (batch, i) -> {
                int item = batch.categorical()[i * layout.categoricalCount() + itemColumn];
                counts[item]++;
                if (item > 0) {
                    catalogRows.put(item, batch.row(i));
                }
                long user = batch.groups()[i];
                if (chosen.contains(user)) {
                    excluded.computeIfAbsent(user, u -> new TreeSet<>()).add(item);
                }
            });
        }
        Map<Long, List<Sample>> rows = new HashMap<>();
        Map<Long, TreeSet<Integer>> relevant = new HashMap<>();
        forEachRow(heldOut, (batch, i) -> {
            int item = batch.categorical()[i * layout.categoricalCount() + itemColumn];
            if (item > 0) {
                // Held-out rows are the later ones: their item features are the more recent.
                catalogRows.put(item, batch.row(i));
            }
            long user = batch.groups()[i];
            if (chosen.contains(user)) {
                rows.computeIfAbsent(user, u -> new ArrayList<>()).add(batch.row(i));
                if (item > 0 && !excluded.getOrDefault(user, new TreeSet<>()).contains(item)) {
                    relevant.computeIfAbsent(user, u -> new TreeSet<>()).add(item);
                }
            }
        });
        List<Query> queries = new ArrayList<>();
        for (long user : chosen) {
            TreeSet<Integer> find = relevant.get(user);
            if (find == null) {
                continue;
            }
            Sample query = null;
            int fewest = Integer.MAX_VALUE;
            for (Sample s : rows.get(user)) {
                int known = 0;
                for (int id : s.sequence()) {
                    if (id > 0 && find.contains(id)) {
                        known++;
                    }
                }
                if (known < fewest) {
                    fewest = known;
                    query = s;
                }
            }
            queries.add(new Query(user, query, toArray(find), toArray(excluded.getOrDefault(user, new TreeSet<>()))));
        }
        return new RetrievalTask(new ArrayList<>(catalogRows.values()), queries, counts);
    }

    /** The item index of each catalogue row, in catalogue order. */
    public int[] catalogItems(FeatureLayout layout) {
        int itemColumn = layout.itemIdIndex("retrieval evaluation");
        return catalog.stream().mapToInt(s -> s.categorical()[itemColumn]).toArray();
    }

    private interface RowVisitor {
        void visit(SampleBatch batch, int row);
    }

    private static void forEachRow(SampleSource source, RowVisitor visitor) {
        try (var batches = source.batches(BATCH, OptionalLong.empty())) {
            batches.forEach(batch -> {
                for (int i = 0; i < batch.size(); i++) {
                    visitor.visit(batch, i);
                }
            });
        }
    }

    private static int[] toArray(TreeSet<Integer> set) {
        int[] out = set.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(out);
        return out;
    }
}
