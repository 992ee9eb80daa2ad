package dev.wren.model.serve;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/** Measures the latency of one scoring call: warm-up, then timed runs; reports median and p99 in milliseconds. */
public final class LatencyProbe {
    private LatencyProbe() {}

    /**
     * @param medianMillis median wall-clock latency
     * @param p99Millis 99th percentile wall-clock latency
     * @param medianCpuMillis median CPU time of the calling thread: with one PyTorch thread this is the work itself,
     *     unaffected by other processes competing for the cores
     * @param p99CpuMillis 99th percentile of that CPU time
     * @param candidates candidates per call
     * @param runs timed calls
     */
    public record Latency(
            double medianMillis,
            double p99Millis,
            double medianCpuMillis,
            double p99CpuMillis,
            int candidates,
            int runs) {}

    public static Latency measure(
            Scorer scorer, UserFeatures user, List<ItemFeatures> candidates, int warmup, int runs) {
        // Packed once, as serving packs its catalogue at load: the timed call is what a request pays.
        Scorer.PackedItem[] packed = candidates.stream().map(scorer::pack).toArray(Scorer.PackedItem[]::new);
        for (int i = 0; i < warmup; i++) {
            scorer.score(user, packed);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] millis = new double[runs];
        double[] cpuMillis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            scorer.score(user, packed);
            millis[i] = (System.nanoTime() - start) / 1e6;
            cpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        return new Latency(
                percentile(millis, 0.5),
                percentile(millis, 0.99),
                percentile(cpuMillis, 0.5),
                percentile(cpuMillis, 0.99),
                candidates.size(),
                runs);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
