package dev.wren.eval.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wren.core.explore.ArmStats;
import dev.wren.core.explore.EpsilonGreedy;
import dev.wren.core.explore.TeamDraftInterleaving;
import dev.wren.core.explore.ThompsonSampling;
import dev.wren.data.synthetic.HiddenTastes;
import dev.wren.eval.experiment.Cuped;
import dev.wren.eval.experiment.InterleavingAnalysis;
import dev.wren.eval.experiment.MixtureSprt;
import dev.wren.model.report.LineChart;
import dev.wren.serving.ab.Bucketing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The experiment benchmark, run by hand (not in the test suite), on a synthetic data set and the simulator:
 *
 * <ol>
 *   <li>A/A false-positive rate with peeking: runs of the same ranker in both arms, users split by serving's bucketing,
 *       checked after every {@code peekEvery} users with the mSPRT (and, for contrast, Welch's t-test).
 *   <li>Users needed at 80 % power to find a truly better ranker: A/B (Welch's t-test on clicks per user, and with
 *       CUPED) against team-draft interleaving (sign test over users and over lists, and a t-test of each user's
 *       credits), all at alpha 0.05, on a doubling grid of users.
 *   <li>The cost of exploration: epsilon-greedy over the better ranker, catalogue coverage, the share of shown slots
 *       that go to tail items (the 10 % least popular: items without history, as new items are), NDCG@10 against
 *       the user's true attractiveness, and expected clicks per list.
 * </ol>
 *
 * Usage: {@code ExperimentBenchmark DATA_DIR OUT_JSON [runs]}; DATA_DIR is generated (5,000 users, 1,000 movies) when
 * it has no hidden tastes yet.
 */
public final class ExperimentBenchmark {
    private static final Logger log = LoggerFactory.getLogger(ExperimentBenchmark.class);
    private static final double ALPHA = 0.05;
    private static final int LIST = 10;

    private final HiddenTastes truth;
    private final Simulator simulator;
    private final List<Integer> population;

    private ExperimentBenchmark(HiddenTastes truth, Simulator.Settings settings) {
        this(truth, settings, 0);
    }

    private ExperimentBenchmark(HiddenTastes truth, Simulator.Settings settings, double satisfaction) {
        this.truth = truth;
        this.simulator = new Simulator(truth, ClickModel.standard(truth).withSatisfaction(satisfaction), settings);
        this.population = truth.userTastes().keySet().stream().sorted().toList();
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ExperimentBenchmark DATA_DIR OUT_JSON [runs]");
        }
        run(Path.of(args[0]), Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 200);
    }

    /**
     * Runs every measurement and writes {@code json}, and the power charts beside it.
     *
     * @param data the simulation's data set, generated there first when it has none
     * @param runs simulated experiments for the A/A rate (half as many per size for the power curves)
     * @return what {@code json} holds
     */
    public static Map<String, Object> run(Path data, Path json, int runs) throws IOException {
        HiddenTastes truth = SyntheticWorld.readOrGenerate(data);
        Simulator.Settings standard = Simulator.Settings.standard();
        ExperimentBenchmark bench = new ExperimentBenchmark(truth, standard);
        // Real sites' activity is more skewed than the standard simulation's; the paired design of interleaving
        // removes that between-user variance and A/B does not, so the comparison is also run with a wider spread.
        ExperimentBenchmark skewed = new ExperimentBenchmark(
                truth,
                new Simulator.Settings(
                        standard.startMillis(),
                        standard.arrivalSpanMillis(),
                        standard.meanRequests(),
                        standard.meanPreEvents(),
                        1.2));
        // Users who leave a list after a good click (a cascade) make total clicks a poorer A/B metric.
        ExperimentBenchmark cascade = new ExperimentBenchmark(truth, standard, 0.7);
        Map<String, Object> out = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        out.put("aaPeeking", bench.aaPeeking(runs, 4000, 100));
        Map<String, Object> power = bench.power(runs / 2);
        Map<String, Object> powerSkewed = skewed.power(runs / 2);
        out.put("power", power);
        out.put("powerSkewedActivity", powerSkewed);
        Map<String, Object> powerCascade = cascade.power(runs / 2);
        out.put("powerCascadeClicks", powerCascade);
        Path file = json.toAbsolutePath();
        Files.createDirectories(file.getParent());
        powerChart(power, "activity spread 0.6").writePng(file.resolveSibling("power.png"));
        powerChart(powerSkewed, "activity spread 1.2").writePng(file.resolveSibling("power-skewed.png"));
        powerChart(powerCascade, "satisfaction 0.7").writePng(file.resolveSibling("power-cascade.png"));
        out.put("exploration", bench.exploration(List.of(0.0, 0.05, 0.1, 0.2)));
        out.put("seconds", (System.nanoTime() - t0) / 1e9);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        mapper.writeValue(file.toFile(), out);
        log.info(
                "Wrote {} (and power.png, power-skewed.png, power-cascade.png beside it):\n{}",
                file,
                mapper.writeValueAsString(out));
        return out;
    }

    /** One user's visit in a run: clicks and pre-period events, no log kept. */
    private Simulator.Visit visit(int run, int index, String variant, ListPolicy policy) {
        SplittableRandom pick = Streams.of(run * 7919L + 1, index);
        int user = population.get(pick.nextInt(population.size()));
        return simulator.visit(user, index, "bench", variant, policy, 0, run, null, null, null);
    }

    Map<String, Object> aaPeeking(int runs, int users, int peekEvery) {
        TasteRanker ranker = new TasteRanker(truth, 0.3, 1.0, 2.0, 1, LIST);
        ListPolicy policy = Policies.top(ranker, LIST);
        int msprtRejected = 0;
        int tTestRejected = 0;
        int finalTTestRejected = 0;
        for (int run = 0; run < runs; run++) {
            List<Double> a = new ArrayList<>();
            List<Double> b = new ArrayList<>();
            double running = 1;
            boolean tEver = false;
            boolean tFinal = false;
            String experiment = "aa-" + run;
            for (int i = 0; i < users; i++) {
                // Serving's own bucketing, salted by the run's experiment name.
                boolean inB = Bucketing.position(experiment, i) >= 0.5;
                Simulator.Visit v = visit(run, i, inB ? "b" : "a", policy);
                (inB ? b : a).add((double) v.clicks());
                if ((i + 1) % peekEvery == 0 && a.size() >= 50 && b.size() >= 50) {
                    double[] x = a.stream().mapToDouble(Double::doubleValue).toArray();
                    double[] y = b.stream().mapToDouble(Double::doubleValue).toArray();
                    double variance = StatUtils.variance(x) / x.length + StatUtils.variance(y) / y.length;
                    double tau = 0.1 * Math.sqrt((StatUtils.variance(x) + StatUtils.variance(y)) / 2);
                    running = new MixtureSprt(tau).update(running, StatUtils.mean(y) - StatUtils.mean(x), variance);
                    double p = new TTest().tTest(x, y);
                    tEver |= p < ALPHA;
                    tFinal = p < ALPHA;
                }
            }
            msprtRejected += running < ALPHA ? 1 : 0;
            tTestRejected += tEver ? 1 : 0;
            finalTTestRejected += tFinal ? 1 : 0;
            if ((run + 1) % 20 == 0) {
                log.info(
                        "A/A run {}/{}: mSPRT rejected {}, peeking t-test {}",
                        run + 1,
                        runs,
                        msprtRejected,
                        tTestRejected);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runs", runs);
        out.put("usersPerRun", users);
        out.put("looksPerRun", users / peekEvery);
        out.put("msprtFalsePositiveRate", (double) msprtRejected / runs);
        out.put("tTestFalsePositiveRateWithPeeking", (double) tTestRejected / runs);
        out.put("tTestFalsePositiveRateOneLook", (double) finalTTestRejected / runs);
        return out;
    }

    Map<String, Object> power(int reps) {
        TasteRanker worse = new TasteRanker(truth, 0.3, 1.0, 2.0, 1, LIST);
        TasteRanker better = new TasteRanker(truth, 0.3, 1.0, 1.7, 2, LIST);
        ListPolicy a = Policies.top(worse, LIST);
        ListPolicy b = Policies.top(better, LIST);
        ListPolicy interleaved = Policies.interleaved(worse, better, LIST);
        double truthA = 0;
        double truthB = 0;
        for (int u : population) {
            truthA += simulator.expectedClicks(u, worse.rank(u));
            truthB += simulator.expectedClicks(u, better.rank(u));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("replicationsPerSize", reps);
        out.put("expectedClicksPerListA", truthA / population.size());
        out.put("expectedClicksPerListB", truthB / population.size());
        Map<Integer, double[]> ab = new LinkedHashMap<>();
        Map<Integer, Double> il = new LinkedHashMap<>();
        int abNeeded = -1;
        int cupedNeeded = -1;
        for (int n = 250; n <= 256_000 && (abNeeded < 0 || cupedNeeded < 0); n *= 2) {
            int detected = 0;
            int detectedCuped = 0;
            for (int r = 0; r < reps; r++) {
                int run = 10_000 + r;
                int half = n / 2;
                double[] yA = new double[half];
                double[] xA = new double[half];
                double[] yB = new double[n - half];
                double[] xB = new double[n - half];
                for (int i = 0; i < n; i++) {
                    boolean inB = i >= half;
                    Simulator.Visit v = visit(run, i, inB ? "b" : "a", inB ? b : a);
                    if (inB) {
                        yB[i - half] = v.clicks();
                        xB[i - half] = v.preEvents();
                    } else {
                        yA[i] = v.clicks();
                        xA[i] = v.preEvents();
                    }
                }
                detected += new TTest().tTest(yA, yB) < ALPHA && StatUtils.mean(yB) > StatUtils.mean(yA) ? 1 : 0;
                Cuped.Result c = Cuped.compare(yA, xA, yB, xB, 1 - ALPHA);
                detectedCuped += c.adjusted().lower() > 0 ? 1 : 0;
            }
            double power = (double) detected / reps;
            double powerCuped = (double) detectedCuped / reps;
            ab.put(n, new double[] {power, powerCuped});
            log.info("A/B with {} users: power {} (CUPED {})", n, power, powerCuped);
            if (abNeeded < 0 && power >= 0.8) {
                abNeeded = n;
            }
            if (cupedNeeded < 0 && powerCuped >= 0.8) {
                cupedNeeded = n;
            }
        }
        int ilNeeded = -1;
        int ilListNeeded = -1;
        Map<Integer, Double> ilLists = new LinkedHashMap<>();
        Map<Integer, Double> ilMagnitude = new LinkedHashMap<>();
        for (int n = 10; n <= 64_000 && (ilNeeded < 0 || ilListNeeded < 0); n *= 2) {
            int detected = 0;
            int detectedLists = 0;
            int detectedMagnitude = 0;
            for (int r = 0; r < reps; r++) {
                int run = 20_000 + r;
                int[] sign = new int[n];
                double[] credit = new double[n];
                List<Integer> listSigns = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    List<Integer> perList = interleavedPreference(run, i, interleaved);
                    int sum = perList.stream().mapToInt(Integer::intValue).sum();
                    sign[i] = Integer.signum(sum);
                    credit[i] = sum;
                    perList.forEach(d -> listSigns.add(Integer.signum(d)));
                }
                InterleavingAnalysis.Result res = InterleavingAnalysis.fromSigns(sign, 1 - ALPHA, 0, run);
                detected += res.signTestP() < ALPHA && res.preferB() > res.preferA() ? 1 : 0;
                // The same per-user credits with their size kept: a one-sample t-test of B's clicks minus A's.
                detectedMagnitude += StatUtils.variance(credit) > 0
                                && new TTest().tTest(0.0, credit) < ALPHA
                                && StatUtils.mean(credit) > 0
                        ? 1
                        : 0;
                InterleavingAnalysis.Result byList = InterleavingAnalysis.fromSigns(
                        listSigns.stream().mapToInt(Integer::intValue).toArray(), 1 - ALPHA, 0, run);
                detectedLists += byList.signTestP() < ALPHA && byList.preferB() > byList.preferA() ? 1 : 0;
            }
            double power = (double) detected / reps;
            double powerLists = (double) detectedLists / reps;
            il.put(n, power);
            ilLists.put(n, powerLists);
            ilMagnitude.put(n, (double) detectedMagnitude / reps);
            log.info(
                    "interleaving with {} users: power {} (per-list sign test {}, t-test of credits {})",
                    n,
                    power,
                    powerLists,
                    ilMagnitude.get(n));
            if (ilNeeded < 0 && power >= 0.8) {
                ilNeeded = n;
            }
            if (ilListNeeded < 0 && powerLists >= 0.8) {
                ilListNeeded = n;
            }
        }
        Map<String, Object> abOut = new LinkedHashMap<>();
        ab.forEach((n, p) -> abOut.put(String.valueOf(n), Map.of("tTest", p[0], "cuped", p[1])));
        out.put("abPowerByUsers", abOut);
        out.put("interleavingPowerByUsers", il);
        out.put("interleavingPerListPowerByUsers", ilLists);
        Map<Integer, Double> abPower = new LinkedHashMap<>();
        Map<Integer, Double> cupedPower = new LinkedHashMap<>();
        ab.forEach((n, p) -> {
            abPower.put(n, p[0]);
            cupedPower.put(n, p[1]);
        });
        double abUsers = usersFor80(abPower);
        double ilUsers = usersFor80(il);
        out.put("abUsersFor80", abUsers);
        out.put("abCupedUsersFor80", usersFor80(cupedPower));
        out.put("interleavingUsersFor80", ilUsers);
        out.put("interleavingPerListUsersFor80", usersFor80(ilLists));
        out.put("interleavingCreditTTestPowerByUsers", ilMagnitude);
        out.put("interleavingCreditTTestUsersFor80", usersFor80(ilMagnitude));
        out.put("ratio", abUsers / ilUsers);
        out.put("ratioCupedToPerList", usersFor80(cupedPower) / usersFor80(ilLists));
        return out;
    }

    /** Power against log10(users) for each method, with the 0.8 line. */
    @SuppressWarnings("unchecked")
    private static LineChart powerChart(Map<String, Object> power, String setting) {
        LineChart chart = new LineChart("Power to detect the better ranker, " + setting, "log10(users)", "power");
        Map<String, Object> ab = (Map<String, Object>) power.get("abPowerByUsers");
        double[] abX = ab.keySet().stream()
                .mapToDouble(n -> Math.log10(Double.parseDouble(n)))
                .toArray();
        chart.add(
                "A/B, t-test",
                abX,
                ab.values().stream()
                        .mapToDouble(v -> ((Map<String, Double>) v).get("tTest"))
                        .toArray());
        chart.add(
                "A/B, CUPED",
                abX,
                ab.values().stream()
                        .mapToDouble(v -> ((Map<String, Double>) v).get("cuped"))
                        .toArray());
        for (String key : List.of("interleavingPowerByUsers", "interleavingPerListPowerByUsers")) {
            Map<Integer, Double> il = (Map<Integer, Double>) power.get(key);
            chart.add(
                    key.startsWith("interleavingPerList") ? "interleaving, per list" : "interleaving, per user",
                    il.keySet().stream().mapToDouble(Math::log10).toArray(),
                    il.values().stream().mapToDouble(Double::doubleValue).toArray());
        }
        chart.add("0.8", new double[] {1, 5}, new double[] {0.8, 0.8});
        return chart;
    }

    /**
     * Users for 80 % power, interpolated linearly in log(users) between the two grid sizes around 0.8 (the grid
     * doubles, so the first size above 0.8 alone could overstate by up to twice).
     */
    static double usersFor80(Map<Integer, Double> powerByUsers) {
        int previous = -1;
        double previousPower = 0;
        for (Map.Entry<Integer, Double> e : powerByUsers.entrySet()) {
            if (e.getValue() >= 0.8) {
                if (previous < 0) {
                    return e.getKey();
                }
                double f = (0.8 - previousPower) / (e.getValue() - previousPower);
                return Math.exp(Math.log(previous) + f * (Math.log(e.getKey()) - Math.log(previous)));
            }
            previous = e.getKey();
            previousPower = e.getValue();
        }
        return Double.NaN;
    }

    /** Per interleaved list the user saw: clicks credited to B minus clicks credited to A. */
    private List<Integer> interleavedPreference(int run, int index, ListPolicy interleaved) {
        SplittableRandom pick = Streams.of(run * 7919L + 1, index);
        int user = population.get(pick.nextInt(population.size()));
        List<dev.wren.eval.experiment.ExposureRecord> exposures = new ArrayList<>();
        List<dev.wren.eval.experiment.EventRecord> events = new ArrayList<>();
        simulator.visit(user, index, "bench", "il", interleaved, 0, run, exposures, events, null);
        int[] difference = new int[exposures.size()];
        for (var e : events) {
            if (e.isRating()) {
                continue;
            }
            // Each list's clicks come before the next list (two hours apart); credit by the list that showed it.
            for (int k = 0; k < exposures.size(); k++) {
                var x = exposures.get(k);
                if (e.loggedAt() >= x.loggedAt() && e.loggedAt() - x.loggedAt() < 3_600_000L) {
                    int p = x.items().indexOf(e.itemId());
                    if (p >= 0) {
                        TeamDraftInterleaving.Team t = TeamDraftInterleaving.Team.valueOf(
                                x.teams().orElseThrow().get(p));
                        difference[k] += t == TeamDraftInterleaving.Team.B ? 1 : -1;
                    }
                }
            }
        }
        return java.util.Arrays.stream(difference).boxed().toList();
    }

    List<Map<String, Object>> exploration(List<Double> epsilons) {
        int depth = 50;
        TasteRanker ranker = new TasteRanker(truth, 1.0, 1.0, 0.5, 2, depth);
        List<Integer> items = truth.moviePopularity().keySet().stream().sorted().toList();
        List<Integer> byPopularity = new ArrayList<>(items);
        byPopularity.sort((x, y) -> Double.compare(
                truth.moviePopularity().get(x), truth.moviePopularity().get(y)));
        Set<Integer> tail = new HashSet<>(byPopularity.subList(0, items.size() / 10));
        ClickModel model = simulator.model();
        List<Map<String, Object>> out = new ArrayList<>();
        for (double epsilon : epsilons) {
            EpsilonGreedy policy = EpsilonGreedy.fromPosition(epsilon, LIST, 0);
            SplittableRandom random = new SplittableRandom(99);
            Set<Integer> shown = new HashSet<>();
            long slots = 0;
            long tailSlots = 0;
            double ndcg = 0;
            double clicks = 0;
            for (int u : population) {
                List<Integer> list = policy.choose(ranker.rank(u), random).itemIds();
                shown.addAll(list);
                slots += list.size();
                for (int i : list) {
                    tailSlots += tail.contains(i) ? 1 : 0;
                }
                ndcg += ndcg(u, list, items, model);
                clicks += simulator.expectedClicks(u, list);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("policy", "epsilon-greedy, epsilon " + epsilon + ", pool: ranks 11-50");
            row.put("coverage", (double) shown.size() / items.size());
            row.put("tailShare", (double) tailSlots / slots);
            row.put("ndcg10", ndcg / population.size());
            row.put("expectedClicksPerList", clicks / population.size());
            out.add(row);
            log.info("epsilon {}: {}", epsilon, row);
        }
        out.add(thompsonForTail(ranker, items, tail));
        return out;
    }

    /**
     * The greedy top 9 and a last slot that Thompson sampling fills from the tail items, learning their
     * click-through from the simulated clicks as users arrive one after another.
     */
    private Map<String, Object> thompsonForTail(TasteRanker ranker, List<Integer> items, Set<Integer> tail) {
        ClickModel model = simulator.model();
        ThompsonSampling thompson = new ThompsonSampling("thompson", 1, 20);
        Map<Integer, long[]> stats = new LinkedHashMap<>();
        tail.stream().sorted().forEach(i -> stats.put(i, new long[2]));
        SplittableRandom random = new SplittableRandom(99);
        Set<Integer> shown = new HashSet<>();
        long slots = 0;
        long tailSlots = 0;
        double ndcg = 0;
        double clicks = 0;
        for (int u : population) {
            List<ArmStats> arms = new ArrayList<>();
            stats.forEach((i, s) -> arms.add(new ArmStats(i, s[0], s[1])));
            int pick = thompson.choose(arms, random).itemIds().get(0);
            List<Integer> list = new ArrayList<>(ranker.rank(u).subList(0, LIST - 1));
            list.add(pick);
            boolean clicked = random.nextDouble() < model.clickProbability(truth, u, pick, LIST - 1);
            stats.get(pick)[0] += clicked ? 1 : 0;
            stats.get(pick)[1]++;
            shown.addAll(list);
            slots += list.size();
            tailSlots += list.stream().filter(tail::contains).count();
            ndcg += ndcg(u, list, items, model);
            clicks += simulator.expectedClicks(u, list);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("policy", "greedy top 9 + Thompson sampling over the tail in the last slot");
        row.put("coverage", (double) shown.size() / items.size());
        row.put("tailShare", (double) tailSlots / slots);
        row.put("ndcg10", ndcg / population.size());
        row.put("expectedClicksPerList", clicks / population.size());
        log.info("thompson: {}", row);
        return row;
    }

    /** NDCG@10 with the user's true attractiveness as the gain; the ideal list is the 10 most attractive items. */
    private double ndcg(int user, List<Integer> list, List<Integer> items, ClickModel model) {
        double dcg = 0;
        for (int p = 0; p < list.size(); p++) {
            dcg += model.attractiveness(truth, user, list.get(p)) / log2(p + 2);
        }
        double[] gains = items.stream()
                .mapToDouble(i -> model.attractiveness(truth, user, i))
                .sorted()
                .toArray();
        double ideal = 0;
        for (int p = 0; p < LIST; p++) {
            ideal += gains[gains.length - 1 - p] / log2(p + 2);
        }
        return dcg / ideal;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
