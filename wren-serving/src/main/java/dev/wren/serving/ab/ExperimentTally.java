package dev.wren.serving.ab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Live figures per experiment variant since start-up, for the experiments page: lists and items shown, and clicks on
 * an item of the user's latest list (the attribution {@code wren ab report} uses, without its time window). Users'
 * latest lists are kept for the most recent {@code maxUsers} users. No statistics: the report has those. Thread-safe.
 */
public final class ExperimentTally implements ClickListener {
    /** One variant's figures. */
    public record Counts(long lists, long items, long clicks) {
        /** Clicks per item shown; 0 before anything was shown. */
        public double ctr() {
            return items == 0 ? 0 : (double) clicks / items;
        }
    }

    private record Latest(Map<String, String> assignments, Set<Integer> items) {}

    private final int maxUsers;
    private final Map<String, long[]> counts = new TreeMap<>();
    private final Map<Integer, Latest> latest;

    public ExperimentTally(int maxUsers) {
        if (maxUsers < 1) {
            throw new IllegalArgumentException("maxUsers must be >= 1, got " + maxUsers);
        }
        this.maxUsers = maxUsers;
        this.latest = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Latest> eldest) {
                return size() > ExperimentTally.this.maxUsers;
            }
        };
    }

    /** A list shown to a user in these experiments (experiment name to variant name). */
    public void shown(int userId, Map<String, String> assignments, List<Integer> items) {
        if (assignments.isEmpty()) {
            return; // the default pipeline's lists take no lock
        }
        Latest l = new Latest(Map.copyOf(assignments), Set.copyOf(items));
        synchronized (this) {
            assignments.forEach((experiment, variant) -> {
                long[] c = counts.computeIfAbsent(key(experiment, variant), k -> new long[3]);
                c[0]++;
                c[1] += items.size();
            });
            latest.put(userId, l);
        }
    }

    @Override
    public synchronized void clicked(int userId, int itemId) {
        Latest l = latest.get(userId);
        if (l == null || !l.items().contains(itemId)) {
            return;
        }
        l.assignments().forEach((experiment, variant) -> counts.get(key(experiment, variant))[2]++);
    }

    /** A variant's figures so far (zeros before its first list). */
    public synchronized Counts counts(String experiment, String variant) {
        long[] c = counts.getOrDefault(key(experiment, variant), new long[3]);
        return new Counts(c[0], c[1], c[2]);
    }

    private static String key(String experiment, String variant) {
        return experiment + "=" + variant;
    }
}
