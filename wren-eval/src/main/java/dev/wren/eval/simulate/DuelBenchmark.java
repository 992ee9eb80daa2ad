package dev.wren.eval.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wren.data.synthetic.HiddenTastes;
import dev.wren.model.report.LineChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.StatUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dueling bandit's benchmark, run by hand (not in the test suite): serving's {@code dueling-bandit} experiment
 * learning a three-feature ranker's weights ({@link LinearRanker}: taste, popularity, noise) from simulated users, from
 * two poor starts, over a grid of its two settings and three seeds. Reports the expected clicks per list of the learned
 * weights against the start and against ranking by taste alone (the best these features allow, since the simulated
 * users click by taste), the clicks users got while it explored, and a learning-curve chart per start.
 *
 * <p>Usage: {@code DuelBenchmark DATA_DIR OUT_JSON [users]}; DATA_DIR is generated (5,000 users, 1,000 movies, seed 42,
 * as {@link ExperimentBenchmark}) when it has no hidden tastes yet.
 */
public final class DuelBenchmark {
    private static final Logger log = LoggerFactory.getLogger(DuelBenchmark.class);
    private static final Map<String, double[]> STARTS = starts();
    private static final double[] DELTAS = {0.25, 0.5, 1.0};
    private static final double[] ALPHAS = {0.02, 0.05, 0.1, 0.2};
    private static final long[] SEEDS = {1, 2, 3};
    private static final int CHECKPOINT_EVERY = 100;
    /** The setting serving's README showed before this benchmark. */
    private static final double EXAMPLE_DELTA = 0.5;

    private static final double EXAMPLE_ALPHA = 0.1;

    private DuelBenchmark() {}

    /** The two poor starts, in the order they are run and reported. */
    private static Map<String, double[]> starts() {
        Map<String, double[]> starts = new LinkedHashMap<>();
        starts.put("popularity-heavy", new double[] {0.2, 0.8, 0.2});
        starts.put("noise-heavy", new double[] {0.2, 0.2, 0.8});
        return starts;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: DuelBenchmark DATA_DIR OUT_JSON [users]");
        }
        run(Path.of(args[0]), Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 20_000);
    }

    /**
     * Runs the grid and writes {@code json}, and a chart per start beside it.
     *
     * @param data the simulation's data set, generated there first when it has none
     * @param users user visits per run
     * @return what {@code json} holds
     */
    public static Map<String, Object> run(Path data, Path json, int users) throws IOException {
        HiddenTastes truth = SyntheticWorld.readOrGenerate(data);
        Simulator simulator = new Simulator(truth, ClickModel.standard(truth), Simulator.Settings.standard());
        DuelSimulation sim = new DuelSimulation(simulator, new LinearRanker(truth, 1), 500);
        long t0 = System.nanoTime();
        Map<String, Object> result = new LinkedHashMap<>();
        double tasteOnly = sim.expectedClicks(new double[] {1, 0, 0});
        result.put("users", users);
        result.put("tasteOnlyClicks", tasteOnly);
        Path out = json.toAbsolutePath();
        Files.createDirectories(out.getParent());
        for (Map.Entry<String, double[]> entry : STARTS.entrySet()) {
            String start = entry.getKey();
            double[] w0 = entry.getValue();
            double startClicks = sim.expectedClicks(w0);
            List<Map<String, Object>> grid = new ArrayList<>();
            Map<String, double[]> curves = new LinkedHashMap<>();
            double bestLearned = -1;
            String best = null;
            double bestShown = -1;
            String kindest = null;
            for (double delta : DELTAS) {
                for (double alpha : ALPHAS) {
                    List<DuelSimulation.Result> runs = new ArrayList<>();
                    for (long seed : SEEDS) {
                        runs.add(sim.run(new DuelSimulation.Settings(w0, delta, alpha, users, CHECKPOINT_EVERY, seed)));
                    }
                    double[] curve = meanCurve(runs);
                    double fin = curve[curve.length - 1];
                    double shown = runs.stream()
                            .mapToDouble(DuelSimulation.Result::shownClicks)
                            .average()
                            .orElseThrow();
                    String label = "delta " + delta + ", alpha " + alpha;
                    double[] later = Arrays.copyOfRange(curve, curve.length / 2, curve.length);
                    double laterMean = StatUtils.mean(later);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("setting", label);
                    row.put("delta", delta);
                    row.put("alpha", alpha);
                    row.put("finalClicks", fin);
                    row.put("gapClosed", (fin - startClicks) / (tasteOnly - startClicks));
                    row.put("shownClicks", shown);
                    row.put("usersTo90PercentOfTheGap", usersTo(0.9, curve, startClicks, tasteOnly));
                    row.put("laterMeanClicks", laterMean);
                    row.put("laterMinClicks", StatUtils.min(later));
                    row.put(
                            "updates",
                            runs.stream()
                                    .mapToLong(r -> r.last().updates())
                                    .average()
                                    .orElseThrow());
                    row.put(
                            "finalWeights",
                            runs.stream().map(r -> r.last().weights()).toList());
                    row.put("curve", curve);
                    grid.add(row);
                    curves.put(label, curve);
                    // Judged over the second half: the last checkpoint alone is one draw of weights still moving.
                    if (laterMean > bestLearned) {
                        bestLearned = laterMean;
                        best = label;
                    }
                    if (shown > bestShown) {
                        bestShown = shown;
                        kindest = label;
                    }
                    log.info(
                            "{} start, {}: expected clicks per list {} -> {} (taste alone {}; second half's mean {}), shown {}, 90 % of"
                                    + " the gap at {} users",
                            start,
                            label,
                            String.format("%.4f", startClicks),
                            String.format("%.4f", fin),
                            String.format("%.4f", tasteOnly),
                            String.format("%.4f", laterMean),
                            String.format("%.4f", shown),
                            row.get("usersTo90PercentOfTheGap"));
                }
            }
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("startWeights", w0);
            section.put("startClicks", startClicks);
            section.put("bestLearned", best);
            section.put("bestShown", kindest);
            section.put("grid", grid);
            result.put(start, section);
            chart(start, users, curves, best, kindest, startClicks, tasteOnly)
                    .writePng(out.resolveSibling("duel-" + start + ".png"));
        }
        result.put("seconds", (System.nanoTime() - t0) / 1e9);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        mapper.writeValue(out.toFile(), result);
        log.info(
                "Wrote {} and its duel-*.png charts in {} s",
                out,
                String.format("%.0f", (double) result.get("seconds")));
        return result;
    }

    /** What a run found, in a few lines: per start, the settings that showed users the most and that learned the most. */
    @SuppressWarnings("unchecked")
    public static String summary(Map<String, Object> result) {
        StringBuilder out = new StringBuilder(String.format(
                "Expected clicks per list when ranking by taste alone: %.3f (%s users per run, %d seeds)%n",
                (double) result.get("tasteOnlyClicks"), result.get("users"), SEEDS.length));
        for (String start : STARTS.keySet()) {
            Map<String, Object> section = (Map<String, Object>) result.get(start);
            out.append(String.format("%s start: %.3f%n", start, (double) section.get("startClicks")));
            for (String which : List.of("bestShown", "bestLearned")) {
                String label = (String) section.get(which);
                for (Map<String, Object> row : (List<Map<String, Object>>) section.get("grid")) {
                    if (label.equals(row.get("setting"))) {
                        out.append(String.format(
                                "  %s: %s, shown %.3f, learned %.3f (second half), 90 %% of the gap at %s users%n",
                                which.equals("bestShown") ? "best for users" : "best learned",
                                label,
                                (double) row.get("shownClicks"),
                                (double) row.get("laterMeanClicks"),
                                row.get("usersTo90PercentOfTheGap")));
                    }
                }
            }
        }
        return out.toString();
    }

    /** The first checkpoint (in users) at which the mean curve reaches this share of the gap; -1: never. */
    private static int usersTo(double share, double[] curve, double startClicks, double tasteOnly) {
        double target = startClicks + share * (tasteOnly - startClicks);
        for (int i = 0; i < curve.length; i++) {
            if (curve[i] >= target) {
                return i * CHECKPOINT_EVERY;
            }
        }
        return -1;
    }

    private static double[] meanCurve(List<DuelSimulation.Result> runs) {
        int n = runs.get(0).curve().size();
        double[] mean = new double[n];
        for (DuelSimulation.Result r : runs) {
            for (int i = 0; i < n; i++) {
                mean[i] += r.curve().get(i).expectedClicks() / runs.size();
            }
        }
        return mean;
    }

    private static LineChart chart(
            String start,
            int users,
            Map<String, double[]> curves,
            String bestLearned,
            String bestShown,
            double startClicks,
            double tasteOnly) {
        LineChart chart = new LineChart(
                "Dueling bandit (delta / alpha), " + start + " start, mean of " + SEEDS.length + " seeds",
                "users",
                "expected clicks per list");
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("delta " + EXAMPLE_DELTA + ", alpha " + EXAMPLE_ALPHA, "old example");
        lines.merge(bestShown, "best shown", (a, b) -> a + ", " + b);
        lines.merge(bestLearned, "best learned", (a, b) -> a + ", " + b);
        lines.forEach((label, why) -> {
            double[] y = curves.get(label);
            double[] x = new double[y.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = (double) CHECKPOINT_EVERY * i;
            }
            chart.add(label.replace("delta ", "").replace(", alpha ", " / ") + ": " + why, x, y);
        });
        chart.add("start", new double[] {0, users}, new double[] {startClicks, startClicks});
        chart.add("taste alone", new double[] {0, users}, new double[] {tasteOnly, tasteOnly});
        return chart;
    }
}
