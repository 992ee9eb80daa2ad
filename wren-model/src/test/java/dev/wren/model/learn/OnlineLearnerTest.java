package dev.wren.model.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.model.bundle.ModelBundle;
import dev.wren.model.data.Sample;
import dev.wren.model.data.SampleBatch;
import dev.wren.model.offline.OfflineLayout;
import dev.wren.model.offline.OfflineSamples;
import dev.wren.model.offline.ParquetRows;
import dev.wren.model.train.TrainConfig;
import dev.wren.model.train.TrainedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Online updates of a tiny DeepFM: publishing when not worse, refusing when the updates made it worse. The fresh
 * stream carries a new trend the bundle never saw (users like one genre, with 10 % label noise), which a few hundred
 * updates learn and the frozen model cannot know.
 */
class OnlineLearnerTest {
    @TempDir
    Path tmp;

    /** 1,600 fresh samples, later than the bundle's training, in time order, labelled by the trend. */
    private static List<TimedSample> fresh(Path dir, OfflineLayout layout, long seed) {
        LearnFixtures.offline(dir, 1600, 10, seed);
        FreshSamples reader = new FreshSamples(layout, Optional.empty(), b -> {});
        List<TimedSample> rows = reader.readInTimeOrder(ParquetRows.filesOf(dir.resolve("samples/time/train")));
        int genre1 = layout.layout().categoricalNames().indexOf("genre1");
        Random noise = new Random(seed);
        List<TimedSample> out = new ArrayList<>();
        for (TimedSample t : rows) {
            Sample s = t.sample();
            boolean liked = (s.categorical()[genre1] == 2) != (noise.nextDouble() < 0.1);
            out.add(new TimedSample(
                    t.ts(),
                    t.userId(),
                    t.itemId(),
                    new Sample(s.categorical(), s.numeric(), s.sequence(), liked ? 1 : 0, s.group())));
        }
        return out;
    }

    private static List<TimedSample> flipped(List<TimedSample> rows) {
        List<TimedSample> out = new ArrayList<>();
        for (TimedSample t : rows) {
            Sample s = t.sample();
            out.add(new TimedSample(
                    t.ts(),
                    t.userId(),
                    t.itemId(),
                    new Sample(s.categorical(), s.numeric(), s.sequence(), 1 - s.label(), s.group())));
        }
        return out;
    }

    /** Updates fast enough for a 1,600-sample stream to move the tiny model. */
    private static TrainConfig fastUpdates(Path bundle) {
        return TrainConfig.defaultsFor(ModelBundle.manifest(bundle).spec())
                .withBatchSize(32)
                .withLearningRate(0.01f)
                .withSeed(3);
    }

    private static void learnInChunks(OnlineLearner learner, List<TimedSample> rows, int chunk) {
        for (int i = 0; i < rows.size(); i += chunk) {
            learner.learn(rows.subList(i, Math.min(rows.size(), i + chunk)));
        }
    }

    @Test
    void publishesAnUpdatedVersionWithLineageWhenItIsNotWorse() {
        OfflineSamples offline = LearnFixtures.offline(tmp.resolve("offline"), 300, 50, 11);
        Path models = tmp.resolve("models");
        Path v1 = LearnFixtures.bundle(offline, models, 1);
        List<TimedSample> rows = fresh(tmp.resolve("fresh"), offline.offlineLayout(), 12);
        TrainConfig config = fastUpdates(v1);
        PublishRule rule = new PublishRule(400, 200, 0);
        try (OnlineLearner learner = new OnlineLearner(v1, config, rule)) {
            learnInChunks(learner, rows, 100);
            Prequential.Summary window = learner.prequential().window(400);
            // The trend is learned within a few hundred samples; the frozen model stays near chance.
            assertThat(window.liveAuc()).isGreaterThan(window.frozenAuc());
            OnlineLearner.Outcome outcome = learner.publishIfNotWorse(models);
            assertThat(outcome.decision().publish()).isTrue();
            Path v2 = outcome.published().orElseThrow();
            assertThat(v2).isEqualTo(models.resolve("deepfm/v2"));

            Lineage lineage = OnlineLearner.readLineage(v2).orElseThrow();
            assertThat(lineage.parent()).isEqualTo("deepfm/v1");
            assertThat(lineage.parentVersion()).isEqualTo(1);
            assertThat(lineage.samplesSeen()).isEqualTo(rows.size());
            assertThat(lineage.throughTs()).isEqualTo(rows.get(rows.size() - 1).ts());
            assertThat(lineage.window().liveAuc()).isEqualTo(window.liveAuc());
            assertThat(lineage.total().samples()).isEqualTo(rows.size());

            // The bundle holds the updated parameters, loads with the layout rebuilt from its folder, and scores
            // as the learner's updated model does.
            OfflineLayout reloaded = OfflineLayout.fromBundle(v2);
            SampleBatch batch = SampleBatch.of(
                    reloaded.layout(),
                    rows.subList(0, 20).stream().map(TimedSample::sample).toList());
            try (TrainedModel model = ModelBundle.load(v2, reloaded.layout())) {
                assertThat(model.score(batch)).containsExactly(learner.scoreLive(batch));
            }
            assertThat(learner.scoreFrozen(batch)).isNotEqualTo(learner.scoreLive(batch));

            // Nothing new learned: no second version.
            assertThat(learner.publishIfNotWorse(models).published()).isEmpty();
        }
    }

    @Test
    void updatesWithReplayAlsoTrainOnTheRememberedSamples() {
        OfflineSamples offline = LearnFixtures.offline(tmp.resolve("offline"), 300, 50, 31);
        Path models = tmp.resolve("models");
        Path v1 = LearnFixtures.bundle(offline, models, 1);
        List<TimedSample> rows = fresh(tmp.resolve("fresh"), offline.offlineLayout(), 32);
        // Remembered samples all labelled liked: training on them can only raise their scores.
        List<Sample> remembered = rows.subList(1200, 1600).stream()
                .map(t -> {
                    Sample s = t.sample();
                    return new Sample(s.categorical(), s.numeric(), s.sequence(), 1, s.group());
                })
                .toList();
        TrainConfig config = fastUpdates(v1);

        double without = meanScoreAfter(v1, config, OnlineLearner.Replay.none(), remembered, rows.subList(0, 400));
        double with = meanScoreAfter(v1, config, new OnlineLearner.Replay(3, 10_000), remembered, rows.subList(0, 400));

        assertThat(with)
                .as("mean score of the remembered samples with replay, against %.3f without", without)
                .isGreaterThan(without + 0.1);
    }

    /** The updated model's mean score over {@code remembered} after learning {@code stream}. */
    private static double meanScoreAfter(
            Path bundle,
            TrainConfig config,
            OnlineLearner.Replay replay,
            List<Sample> remembered,
            List<TimedSample> stream) {
        try (OnlineLearner learner = new OnlineLearner(bundle, config, PublishRule.defaults(), replay)) {
            learner.remember(remembered);
            learnInChunks(learner, stream, 100);
            float[] scores = learner.scoreLive(SampleBatch.of(learner.featureLayout(), remembered));
            double sum = 0;
            for (float x : scores) {
                sum += x;
            }
            return sum / scores.length;
        }
    }

    @Test
    void refusesToPublishWhenUpdatesOnCorruptedLabelsMadeItWorse() {
        OfflineSamples offline = LearnFixtures.offline(tmp.resolve("offline"), 300, 50, 21);
        Path models = tmp.resolve("models");
        Path v1 = LearnFixtures.bundle(offline, models, 1);
        List<TimedSample> rows = fresh(tmp.resolve("fresh"), offline.offlineLayout(), 22);
        // A labelling bug flips the first 1,200 fresh labels; the last 400 are right again and form the window.
        List<TimedSample> stream = new ArrayList<>(flipped(rows.subList(0, 1200)));
        stream.addAll(rows.subList(1200, 1600));
        TrainConfig config = fastUpdates(v1);
        try (OnlineLearner learner = new OnlineLearner(v1, config, new PublishRule(400, 200, 0))) {
            learnInChunks(learner, stream, 100);
            OnlineLearner.Outcome outcome = learner.publishIfNotWorse(models);
            assertThat(outcome.decision().publish()).isFalse();
            assertThat(outcome.decision().window().liveAuc())
                    .isLessThan(outcome.decision().window().frozenAuc());
            assertThat(outcome.decision().reason()).contains("< frozen AUC");
            assertThat(outcome.published()).isEmpty();
            assertThat(models.resolve("deepfm/v2")).doesNotExist();
        }
    }

    @Test
    void startingFromAPublishedVersionCarriesTheSampleCountForward() {
        OfflineSamples offline = LearnFixtures.offline(tmp.resolve("offline"), 300, 50, 31);
        Path models = tmp.resolve("models");
        Path v1 = LearnFixtures.bundle(offline, models, 1);
        List<TimedSample> rows = fresh(tmp.resolve("fresh"), offline.offlineLayout(), 32);
        TrainConfig config = TrainConfig.defaultsFor(ModelBundle.manifest(v1).spec())
                .withBatchSize(32)
                .withLearningRate(0.01f);
        PublishRule anyWindow = new PublishRule(400, 1, 1.0);
        Path v2;
        try (OnlineLearner learner = new OnlineLearner(v1, config, anyWindow)) {
            learnInChunks(learner, rows.subList(0, 800), 100);
            v2 = learner.publishIfNotWorse(models).published().orElseThrow();
        }
        try (OnlineLearner learner = new OnlineLearner(v2, config, anyWindow)) {
            learnInChunks(learner, rows.subList(800, 1000), 100);
            Path v3 = learner.publishIfNotWorse(models).published().orElseThrow();
            Lineage lineage = OnlineLearner.readLineage(v3).orElseThrow();
            assertThat(lineage.parent()).isEqualTo("deepfm/v2");
            assertThat(lineage.samplesSeen()).isEqualTo(200);
            assertThat(lineage.samplesSinceOffline()).isEqualTo(1000);
        }
    }
}
