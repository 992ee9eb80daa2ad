package dev.wren.model.learn;

import dev.wren.model.bundle.ModelBundle;
import dev.wren.model.eval.Evaluator;
import dev.wren.model.offline.OfflineLayout;
import dev.wren.model.offline.ParquetRows;
import dev.wren.model.train.TrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Replays an offline output's time-split test samples day by day (UTC) against a bundle trained on its training part:
 * before each day, NDCG@10 of the day's interactions for the model updated through the previous day and for the frozen
 * bundle ({@link NextDayRanking}); then the day is learned in chunks with prequential scoring ({@link OnlineLearner}).
 * Nothing is published. Writes {@code <out>/online-benchmark.json}.
 *
 * <pre>
 * java ... dev.wren.model.learn.OnlineBenchmark OFFLINE_DIR BUNDLE_DIR OUT [learningRate] [chunk] [replayShare]
 *     [negativesPerSample]
 * </pre>
 *
 * With a replay share, the replay buffer starts with the training samples. With negatives, each update also trains on
 * that many {@link SampledNegatives} per fresh sample, as the stream job's samples carry exposures not clicked.
 */
public final class OnlineBenchmark {
    private static final int NEGATIVES = 100;
    private static final long SEED = 7;

    private OnlineBenchmark() {}

    /**
     * Figures of one replay.
     *
     * @param replayShare replayed samples per fresh sample (0: none)
     * @param negativesPerSample sampled negatives trained on per fresh sample (0: none)
     * @param prequential over every test sample
     * @param days days evaluated (every test day after the first)
     * @param userDays (user, day) pairs ranked
     * @param ndcgUpdated mean NDCG@10 over user-days, all interactions relevant, the updated model
     * @param ndcgFrozen the same, frozen model
     * @param likedUserDays user-days with at least one liked item
     * @param likedNdcgUpdated mean NDCG@10 with only liked items relevant, updated model
     * @param likedNdcgFrozen the same, frozen model
     * @param daysUpdatedBetter days where the updated model's NDCG@10 sum (all interactions) was higher
     * @param daysFrozenBetter days where the frozen model's was higher
     */
    public record Result(
            String bundle,
            float learningRate,
            int chunk,
            double replayShare,
            int negativesPerSample,
            Prequential.Summary prequential,
            int days,
            long userDays,
            double ndcgUpdated,
            double ndcgFrozen,
            long likedUserDays,
            double likedNdcgUpdated,
            double likedNdcgFrozen,
            int daysUpdatedBetter,
            int daysFrozenBetter,
            Map<String, double[]> perDay) {}

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: OnlineBenchmark OFFLINE_DIR BUNDLE_DIR OUT [learningRate] [chunk] [replayShare]"
                    + " [negativesPerSample]");
            System.exit(2);
        }
        Path offline = Path.of(args[0]);
        Path bundle = Path.of(args[1]);
        Path out = Path.of(args[2]);
        TrainConfig base = TrainConfig.defaultsFor(ModelBundle.manifest(bundle).spec());
        float rate = args.length > 3 ? Float.parseFloat(args[3]) : base.learningRate() * LearnDefaults.RATE_SHARE;
        int chunk = args.length > 4 ? Integer.parseInt(args[4]) : LearnDefaults.CHUNK;
        OnlineLearner.Replay replay = args.length > 5
                ? new OnlineLearner.Replay(Double.parseDouble(args[5]), LearnDefaults.REPLAY_CAPACITY)
                : LearnDefaults.replay();
        int negatives = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        Result r = run(
                offline,
                bundle,
                base.withLearningRate(rate).withBatchSize(LearnDefaults.BATCH),
                chunk,
                replay,
                negatives);
        try {
            Files.createDirectories(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Evaluator.writeJson(r, out.resolve("online-benchmark.json"));
        System.out.printf(
                "prequential AUC updated %.4f vs frozen %.4f, log loss %.4f vs %.4f over %d samples%n"
                        + "next-day NDCG@10 (all interactions) updated %.4f vs frozen %.4f over %d user-days, %d days"
                        + " (updated better on %d, frozen on %d)%n"
                        + "next-day NDCG@10 (liked only) updated %.4f vs frozen %.4f over %d user-days%n",
                r.prequential().liveAuc(),
                r.prequential().frozenAuc(),
                r.prequential().liveLogLoss(),
                r.prequential().frozenLogLoss(),
                r.prequential().samples(),
                r.ndcgUpdated(),
                r.ndcgFrozen(),
                r.userDays(),
                r.days(),
                r.daysUpdatedBetter(),
                r.daysFrozenBetter(),
                r.likedNdcgUpdated(),
                r.likedNdcgFrozen(),
                r.likedUserDays());
    }

    /** Replays the test samples of {@code offline}'s time split against {@code bundle}. */
    public static Result run(
            Path offline, Path bundle, TrainConfig config, int chunk, OnlineLearner.Replay replay, int negatives) {
        PublishRule never = PublishRule.defaults();
        try (OnlineLearner learner = new OnlineLearner(bundle, config, never, replay)) {
            OfflineLayout layout = learner.layout();
            FreshSamples reader = new FreshSamples(layout, Optional.empty(), b -> {});
            Path split = offline.resolve("samples").resolve("time");
            List<TimedSample> train = reader.readInTimeOrder(ParquetRows.filesOf(split.resolve("train")));
            List<TimedSample> test = reader.readInTimeOrder(ParquetRows.filesOf(split.resolve("test")));
            NextDayRanking ranking = new NextDayRanking(layout.layout(), NEGATIVES, SEED);
            ranking.observe(train);
            Optional<SampledNegatives> sampler = negatives > 0
                    ? Optional.of(new SampledNegatives(layout.layout(), negatives, SEED))
                    : Optional.empty();
            sampler.ifPresent(n -> n.observe(train));
            learner.remember(train.stream().map(TimedSample::sample).toList());
            List<Function<dev.wren.model.data.SampleBatch, float[]>> scorers =
                    List.of(learner::scoreLive, learner::scoreFrozen);
            Map<String, double[]> perDay = new LinkedHashMap<>();
            double[] sums = new double[4];
            long userDays = 0;
            long likedUserDays = 0;
            int days = 0;
            int updatedBetter = 0;
            int frozenBetter = 0;
            int from = 0;
            boolean first = true;
            while (from < test.size()) {
                long day = Math.floorDiv(test.get(from).ts(), 86_400L);
                int to = from;
                while (to < test.size() && Math.floorDiv(test.get(to).ts(), 86_400L) == day) {
                    to++;
                }
                List<TimedSample> today = test.subList(from, to);
                if (!first) {
                    List<NextDayRanking.DayResult> results = ranking.evaluate(today, scorers);
                    NextDayRanking.DayResult updated = results.get(0);
                    NextDayRanking.DayResult frozen = results.get(1);
                    sums[0] += updated.interactions();
                    sums[1] += frozen.interactions();
                    sums[2] += updated.liked();
                    sums[3] += frozen.liked();
                    userDays += updated.users();
                    likedUserDays += updated.likedUsers();
                    days++;
                    if (updated.interactions() > frozen.interactions()) {
                        updatedBetter++;
                    } else if (updated.interactions() < frozen.interactions()) {
                        frozenBetter++;
                    }
                    perDay.put(LocalDate.ofEpochDay(day).toString(), new double[] {
                        updated.users(),
                        updated.interactions() / updated.users(),
                        frozen.interactions() / frozen.users()
                    });
                }
                first = false;
                for (int i = 0; i < today.size(); i += chunk) {
                    List<TimedSample> part = today.subList(i, Math.min(today.size(), i + chunk));
                    learner.learn(part, sampler.map(n -> n.draw(part)).orElse(List.of()));
                }
                ranking.observe(today);
                sampler.ifPresent(n -> n.observe(today));
                from = to;
            }
            return new Result(
                    bundle.toString(),
                    config.learningRate(),
                    chunk,
                    replay.share(),
                    negatives,
                    learner.prequential().total(),
                    days,
                    userDays,
                    sums[0] / Math.max(1, userDays),
                    sums[1] / Math.max(1, userDays),
                    likedUserDays,
                    sums[2] / Math.max(1, likedUserDays),
                    sums[3] / Math.max(1, likedUserDays),
                    updatedBetter,
                    frozenBetter,
                    perDay);
        }
    }
}
