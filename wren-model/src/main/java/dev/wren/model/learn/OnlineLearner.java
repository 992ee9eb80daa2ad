package dev.wren.model.learn;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import dev.wren.model.bundle.ModelBundle;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.Sample;
import dev.wren.model.data.SampleBatch;
import dev.wren.model.offline.OfflineLayout;
import dev.wren.model.online.ModelsFolder;
import dev.wren.model.train.ContinuedTraining;
import dev.wren.model.train.TrainConfig;
import dev.wren.model.train.TrainedModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continues training a published ranking bundle on fresh samples, chunk by chunk, in the order given (time order):
 * each chunk is first scored by the model being updated and by the frozen starting model ({@link Prequential}), then
 * trained on, beside {@link Replay#share} times as many samples replayed from a uniform sample of the earlier ones. {@link #publishIfNotWorse} saves the updated model as the model's next bundle version, with the same
 * layout, scaling and offline manifest as its parent and a {@link Lineage}, when the {@link PublishRule} allows it.
 * Owns two loaded copies of the model: close it. Not thread-safe.
 */
public final class OnlineLearner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OnlineLearner.class);

    private final OfflineLayout layout;
    private final TrainedModel live;
    private final TrainedModel frozen;
    private final ContinuedTraining training;
    private final Predictor<SampleBatch, float[]> livePredictor;
    private final Predictor<SampleBatch, float[]> frozenPredictor;
    private final PublishRule rule;
    private final Prequential prequential = new Prequential();
    private final long ancestorSamples;
    private final Replay replay;
    private final ReplayBuffer buffer;
    private String parent;
    private int parentVersion;
    private long sinceParent;
    private long seen;
    private long throughTs = Long.MIN_VALUE;

    /**
     * How many earlier samples each update replays beside the fresh ones.
     *
     * @param share replayed samples per fresh sample; 0 replays none
     * @param capacity the most earlier samples kept to replay from (a uniform sample of them)
     */
    public record Replay(double share, int capacity) {
        public Replay {
            if (!(share >= 0) || capacity < 1) {
                throw new IllegalArgumentException("the replay share must be at least 0 and its capacity positive, got "
                        + share + " and " + capacity);
            }
        }

        /** No replay: each update trains on the fresh samples alone. */
        public static Replay none() {
            return new Replay(0, 1);
        }
    }

    /**
     * An updater without replay.
     *
     * @param bundle the version folder to start from (trained on offline samples: it holds the offline manifest)
     * @param config learning rate, L2, batch size and seed of the updates
     */
    public OnlineLearner(Path bundle, TrainConfig config, PublishRule rule) {
        this(bundle, config, rule, Replay.none());
    }

    /**
     * @param bundle the version folder to start from (trained on offline samples: it holds the offline manifest)
     * @param config learning rate, L2, batch size and seed of the updates (the seed also seeds the replay)
     */
    public OnlineLearner(Path bundle, TrainConfig config, PublishRule rule, Replay replay) {
        this.replay = replay;
        this.buffer = replay.share() > 0 ? new ReplayBuffer(replay.capacity(), config.seed()) : null;
        this.layout = OfflineLayout.fromBundle(bundle);
        this.rule = rule;
        this.parent = bundle.getParent().getFileName() + "/" + bundle.getFileName();
        this.parentVersion = ModelsFolder.versionOf(bundle);
        this.ancestorSamples =
                readLineage(bundle).map(Lineage::samplesSinceOffline).orElse(0L);
        TrainedModel loadedLive = ModelBundle.load(bundle, layout.layout());
        TrainedModel loadedFrozen = null;
        ContinuedTraining continued = null;
        try {
            loadedFrozen = ModelBundle.load(bundle, layout.layout());
            continued = new ContinuedTraining(loadedLive, config);
        } catch (RuntimeException e) {
            loadedLive.close();
            if (loadedFrozen != null) {
                loadedFrozen.close();
            }
            throw e;
        }
        this.live = loadedLive;
        this.frozen = loadedFrozen;
        this.training = continued;
        this.livePredictor = live.newPredictor();
        this.frozenPredictor = frozen.newPredictor();
    }

    /** The lineage of a bundle published by online learning; empty for one trained offline. */
    public static Optional<Lineage> readLineage(Path bundle) {
        Path file = bundle.resolve(Lineage.FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ModelBundle.mapper().readValue(file.toFile(), Lineage.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The layout fresh samples must be decoded with (the bundle's own manifest and id vocabularies). */
    public OfflineLayout layout() {
        return layout;
    }

    /**
     * Offers samples learned before this run (the starting model's training samples) to the replay buffer; nothing
     * is trained on them until updates replay them. Does nothing without replay.
     */
    public void remember(List<Sample> earlier) {
        if (buffer != null) {
            buffer.addAll(earlier);
        }
    }

    /** The replay in force. */
    public Replay replay() {
        return replay;
    }

    /**
     * Scores a chunk with both models, records the scores, then trains the updated model on it, with replayed
     * samples beside it when replay is on.
     *
     * @return the mean training loss over the chunk and the samples replayed with it (NaN for an empty chunk)
     */
    public double learn(List<TimedSample> chunk) {
        return learn(chunk, List.of());
    }

    /**
     * The same, also training on {@code unscored} samples beside the chunk: negatives that stand in for what was not
     * logged (see {@link SampledNegatives}), trained on but not scored, since their scores would measure the sampler.
     */
    public double learn(List<TimedSample> chunk, List<Sample> unscored) {
        if (chunk.isEmpty()) {
            return Double.NaN;
        }
        List<Sample> samples = chunk.stream().map(TimedSample::sample).toList();
        SampleBatch batch = SampleBatch.of(layout.layout(), samples);
        prequential.add(predict(livePredictor, batch), predict(frozenPredictor, batch), batch.labels());
        List<Sample> trainOn = new ArrayList<>(samples);
        trainOn.addAll(unscored);
        if (buffer != null) {
            trainOn.addAll(buffer.draw((int) Math.round(replay.share() * samples.size())));
            buffer.addAll(samples);
        }
        double loss = training.train(trainOn);
        seen += chunk.size();
        sinceParent += chunk.size();
        for (TimedSample s : chunk) {
            throughTs = Math.max(throughTs, s.ts());
        }
        return loss;
    }

    /** Scores with the model being updated, as it is now. */
    public float[] scoreLive(SampleBatch batch) {
        return predict(livePredictor, batch);
    }

    /** Scores with the frozen starting model. */
    public float[] scoreFrozen(SampleBatch batch) {
        return predict(frozenPredictor, batch);
    }

    public FeatureLayout featureLayout() {
        return layout.layout();
    }

    public Prequential prequential() {
        return prequential;
    }

    /** Samples trained on in this run. */
    public long seen() {
        return seen;
    }

    /**
     * A publish decision and its outcome.
     *
     * @param decision what the rule said
     * @param published the new version folder, when one was saved
     */
    public record Outcome(PublishRule.Decision decision, Optional<Path> published) {}

    /**
     * Applies the rule to the latest prequential window; when it allows, saves the updated model as the next version
     * under {@code root/<model>} (the offline manifest and lineage are written before {@code bundle.json}, so a
     * watcher never sees the version half-written). Nothing is saved when no sample was trained on since the last
     * publication.
     */
    public Outcome publishIfNotWorse(Path root) {
        PublishRule.Decision decision = rule.decide(prequential);
        if (!decision.publish() || sinceParent == 0) {
            log.info(
                    "not publishing {}: {}",
                    live.spec().name(),
                    sinceParent == 0 ? "no new samples since " + parent : decision.reason());
            return new Outcome(decision, Optional.empty());
        }
        Lineage lineage = new Lineage(
                parent,
                parentVersion,
                sinceParent,
                ancestorSamples + seen,
                throughTs,
                prequential.total(),
                decision.window(),
                rule,
                decision.reason(),
                Instant.now().toString());
        Path dir = ModelBundle.save(live, root, lineage, "online:" + parent + "+" + sinceParent, folder -> {
            layout.writeTo(folder);
            try {
                ModelBundle.mapper().writeValue(folder.resolve(Lineage.FILE).toFile(), lineage);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + folder.resolve(Lineage.FILE), e);
            }
        });
        log.info("published {} ({}; {} samples since {})", dir, decision.reason(), sinceParent, parent);
        parent = dir.getParent().getFileName() + "/" + dir.getFileName();
        parentVersion = ModelsFolder.versionOf(dir);
        sinceParent = 0;
        return new Outcome(decision, Optional.of(dir));
    }

    private static float[] predict(Predictor<SampleBatch, float[]> predictor, SampleBatch batch) {
        try {
            return predictor.predict(batch);
        } catch (TranslateException e) {
            throw new IllegalStateException("scoring a fresh-sample chunk failed", e);
        }
    }

    @Override
    public void close() {
        livePredictor.close();
        frozenPredictor.close();
        training.close();
        live.close();
        frozen.close();
    }
}
