package dev.wren.eval.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.explore.EpsilonGreedy;
import dev.wren.data.synthetic.HiddenTastes;
import dev.wren.eval.experiment.AbAnalysis;
import dev.wren.eval.experiment.AbResult;
import dev.wren.eval.experiment.AbSettings;
import dev.wren.eval.experiment.Attribution;
import dev.wren.eval.experiment.Estimate;
import dev.wren.eval.experiment.ExperimentLog;
import dev.wren.eval.experiment.ExperimentLogReader;
import dev.wren.eval.experiment.ExperimentLogWriter;
import dev.wren.eval.experiment.ExposureRecord;
import dev.wren.eval.experiment.InterleavingAnalysis;
import dev.wren.eval.experiment.LoggedDecision;
import dev.wren.eval.experiment.OffPolicyEstimators;
import dev.wren.eval.experiment.TargetPolicy;
import dev.wren.serving.ab.Bucketing;
import dev.wren.serving.ab.Experiment;
import dev.wren.serving.ab.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis against simulated users whose hidden tastes say what the right answer is. Seeded throughout. */
class ExperimentSimulationTest {
    private static final int USERS = 1500;

    @TempDir
    static Path dir;

    static HiddenTastes truth;
    static Simulator simulator;
    static List<Integer> users;
    static TasteRanker worse;
    static TasteRanker better;

    @BeforeAll
    static void world() {
        truth = SyntheticWorld.generate(dir.resolve("data"), USERS, 300, 7);
        simulator = new Simulator(truth, ClickModel.standard(truth), Simulator.Settings.standard());
        users = truth.userTastes().keySet().stream().sorted().toList();
        worse = new TasteRanker(truth, 0.3, 1.0, 3.0, 1, 20);
        better = new TasteRanker(truth, 0.3, 1.0, 1.0, 2, 20);
    }

    private static String bucket(int user) {
        Experiment e = new Experiment("ranker", List.of(Variant.control("control", 0.5), Variant.control("b", 0.5)));
        return Bucketing.assign(e, user).map(Variant::name).orElse(null);
    }

    @Test
    void aTrulyBetterRankerIsDetectedAndInterleavingAgrees() {
        double truthA = users.stream()
                .mapToDouble(u -> simulator.expectedClicks(u, worse.rank(u).subList(0, 10)))
                .sum();
        double truthB = users.stream()
                .mapToDouble(u -> simulator.expectedClicks(u, better.rank(u).subList(0, 10)))
                .sum();
        assertThat(truthB).as("the simulation's premise").isGreaterThan(truthA * 1.05);

        ExperimentLog log = simulator.run(
                users,
                "ranker",
                ExperimentSimulationTest::bucket,
                Map.of("control", Policies.top(worse, 10), "b", Policies.top(better, 10)),
                11);
        Path file = dir.resolve("ab.jsonl");
        ExperimentLogWriter.write(log, file);
        AbResult result = AbAnalysis.analyse(ExperimentLogReader.read(List.of(file)), AbSettings.defaults("ranker"));

        assertThat(result.variants())
                .extracting(AbResult.VariantSummary::variant)
                .containsExactly("b", "control");
        AbResult.Comparison c = result.comparisons().get(0);
        assertThat(c.treatment()).isEqualTo("b");
        assertThat(c.difference().value()).isPositive();
        assertThat(c.alwaysValidP()).isLessThan(0.05);
        // The always-valid interval agrees with the always-valid p-value.
        assertThat(c.alwaysValidLower()).isPositive();
        assertThat(c.alwaysValidUpper()).isGreaterThan(c.alwaysValidLower());
        assertThat(c.looks().get(c.looks().size() - 1).alwaysValidP()).isEqualTo(c.alwaysValidP());
        // Pre-period activity predicts clicks, so CUPED narrows the interval.
        assertThat(c.cuped().orElseThrow().varianceReduction()).isGreaterThan(0.1);
        assertThat(result.sampleRatio().orElseThrow().mismatch()).isFalse();
        assertThat(result.interleaving()).isEmpty();

        ExperimentLog interleavedLog = simulator.run(
                users, "interleave", u -> "ab", Map.of("ab", Policies.interleaved(worse, better, 10)), 12);
        InterleavingAnalysis.Result il = InterleavingAnalysis.analyse(
                Attribution.join(interleavedLog, Attribution.DEFAULT_WINDOW), 0.95, 1000, 3);
        assertThat(Math.signum(il.preference().value()))
                .isEqualTo(Math.signum(c.difference().value()));
        assertThat(il.signTestP()).isLessThan(0.05);
        assertThat(il.preference().lower()).isPositive();
    }

    @Test
    void anAaTestFindsNothing() {
        ExperimentLog log = simulator.run(
                users,
                "ranker",
                ExperimentSimulationTest::bucket,
                Map.of("control", Policies.top(worse, 10), "b", Policies.top(worse, 10)),
                13);
        AbResult.Comparison c = AbAnalysis.analyse(log, AbSettings.defaults("ranker"))
                .comparisons()
                .get(0);
        assertThat(c.alwaysValidP()).isGreaterThan(0.05);
        assertThat(c.difference().contains(0)).isTrue();
        assertThat(c.alwaysValidLower()).isNegative();
        assertThat(c.alwaysValidUpper()).isPositive();

        // A variant that loses a third of its users' exposures (a crash, a logging bug) fails the sample-ratio check.
        List<ExposureRecord> lossy = log.exposures().stream()
                .filter(x -> !(x.experiments().get("ranker").equals("b") && x.userId() % 3 == 0))
                .toList();
        AbResult broken = AbAnalysis.analyse(ExperimentLog.of(lossy, log.events()), AbSettings.defaults("ranker"));
        assertThat(broken.sampleRatio().orElseThrow().mismatch())
                .as("%s", broken.sampleRatio())
                .isTrue();
    }

    @Test
    void ipsOfANewPolicyFromEpsilonGreedyLogsCoversItsTrueValue() {
        EpsilonGreedy logging = EpsilonGreedy.fromPosition(0.3, 5, 0);
        // The new policy keeps the top three and fills the last two slots with the pool items users like best.
        Map<Integer, List<Integer>> lists = new HashMap<>();
        for (int u : users) {
            List<Integer> ranked = worse.rank(u);
            List<Integer> pool = new ArrayList<>(ranked.subList(5, ranked.size()));
            pool.sort(Comparator.comparingDouble(i -> -simulator.model().attractiveness(truth, u, i)));
            lists.put(u, List.of(ranked.get(0), ranked.get(1), ranked.get(2), pool.get(0), pool.get(1)));
        }
        TargetPolicy target = (user, position) -> Map.of(lists.get(user).get(position), 1.0);
        int runs = 10;
        int[] covered = new int[3];
        double[] sums = new double[3];
        double sumTruth = 0;
        for (int r = 0; r < runs; r++) {
            ExperimentLog log = simulator.run(
                    users, "explore", u -> "eg", Map.of("eg", Policies.epsilonGreedy(worse, logging)), 21 + r);
            List<LoggedDecision> decisions =
                    LoggedDecision.fromExposures(Attribution.join(log, Attribution.DEFAULT_WINDOW));
            // The new policy's true value per slot, each user weighted by the lists they were logged with.
            double clicks = 0;
            for (ExposureRecord x : log.exposures()) {
                clicks += simulator.expectedClicks(x.userId(), lists.get(x.userId()));
            }
            double value = clicks / (5.0 * log.exposures().size());
            double logged = decisions.stream()
                    .mapToDouble(LoggedDecision::reward)
                    .average()
                    .orElseThrow();
            assertThat(value).as("the new policy is better than the logger").isGreaterThan(logged * 1.1);
            Estimate[] estimates = {
                OffPolicyEstimators.ips(decisions, target, 0.95),
                OffPolicyEstimators.selfNormalisedIps(decisions, target, 0.95),
                OffPolicyEstimators.doublyRobust(decisions, target, (u, p, i) -> logged, 0.95)
            };
            for (int k = 0; k < 3; k++) {
                covered[k] += estimates[k].contains(value) ? 1 : 0;
                sums[k] += estimates[k].value();
            }
            sumTruth += value;
        }
        // 95 % intervals: at least 8 of 10 cover (a miss rate of 5 % gives 8 or more with probability 0.99).
        for (int k = 0; k < 3; k++) {
            assertThat(covered[k])
                    .as(
                            "runs whose %s interval covers the truth",
                            List.of("IPS", "SNIPS", "DR").get(k))
                    .isGreaterThanOrEqualTo(8);
        }
        // One estimate's standard error is about 0.01; the mean of ten is within about 0.003 of the truth.
        for (double sum : sums) {
            assertThat(sum / runs).isCloseTo(sumTruth / runs, org.assertj.core.api.Assertions.within(0.01));
        }
    }

    @Test
    void replayIsUnbiasedOnUniformLogs() {
        Map<Integer, Integer> best = new HashMap<>();
        for (int u : users) {
            best.put(
                    u,
                    worse.rank(u).stream()
                            .max(Comparator.comparingDouble(
                                    i -> simulator.model().attractiveness(truth, u, i)))
                            .orElseThrow());
        }
        TargetPolicy target = (user, position) -> Map.of(best.get(user), 1.0);
        int runs = 20;
        double sumEstimates = 0;
        double sumTruth = 0;
        int covered = 0;
        for (int r = 0; r < runs; r++) {
            ExperimentLog log =
                    simulator.run(users, "uniform", u -> "u", Map.of("u", Policies.uniformOne(worse)), 100 + r);
            Estimate replay = OffPolicyEstimators.replay(
                    LoggedDecision.fromExposures(Attribution.join(log, Attribution.DEFAULT_WINDOW)), target, 0.95);
            double clicks = 0;
            for (ExposureRecord x : log.exposures()) {
                clicks += simulator.model().clickProbability(truth, x.userId(), best.get(x.userId()), 0);
            }
            double value = clicks / log.exposures().size();
            sumEstimates += replay.value();
            sumTruth += value;
            covered += replay.contains(value) ? 1 : 0;
        }
        double meanEstimate = sumEstimates / runs;
        double meanTruth = sumTruth / runs;
        // One replay's standard error is about 0.03 here; the mean of 20 is within about 0.007 of the truth.
        assertThat(meanEstimate).isCloseTo(meanTruth, org.assertj.core.api.Assertions.within(0.02));
        assertThat(covered).isGreaterThanOrEqualTo(16);
    }
}
