package dev.wren.model.offline;

import dev.wren.model.blocks.Cross;
import dev.wren.model.blocks.ModelCatalog;
import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.bundle.BundleManifest;
import dev.wren.model.bundle.ModelBundle;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.Fingerprint;
import dev.wren.model.data.Side;
import dev.wren.model.eval.RetrievalEvaluator;
import dev.wren.model.eval.RetrievalMetrics;
import dev.wren.model.eval.RetrievalTask;
import dev.wren.model.report.ModelResult;
import dev.wren.model.report.TestEvaluation;
import dev.wren.model.serve.TowerVectors;
import dev.wren.model.train.ModelTrainer;
import dev.wren.model.train.TrainConfig;
import dev.wren.model.train.TrainedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains and evaluates models on offline samples: train on the split's training samples minus the validation slice,
 * stop early on the slice, evaluate on the test samples (a retrieval model also by Recall@K over all items, beside
 * popularity), save a bundle with {@code metrics.json} beside it.
 * Stateless; run trainings one after another when results must repeat (PyTorch's generator is process-wide).
 */
public final class OfflineTraining {
    private static final Logger log = LoggerFactory.getLogger(OfflineTraining.class);

    /** Test users a retrieval model is evaluated on, at most. */
    private static final int TEST_QUERIES = 100_000;

    private OfflineTraining() {}

    /** The user's first two top genres crossed with the item's genre slots, for the wide parts. */
    public static List<Cross> crosses(FeatureLayout layout) {
        List<Cross> crosses = new ArrayList<>();
        List<String> names = layout.categoricalNames();
        for (String user : List.of(OfflineLayout.USER_GENRE + 1, OfflineLayout.USER_GENRE + 2)) {
            for (String item : List.of("genre1", "genre2", "genre3")) {
                if (names.contains(user) && names.contains(item)) {
                    crosses.add(new Cross(user, item));
                }
            }
        }
        return crosses;
    }

    /** Every model, sized by default, with this layout's crosses and the two-tower's inputs. */
    public static ModelCatalog catalog(FeatureLayout layout) {
        return new ModelCatalog(
                crosses(layout),
                ModelSpec.TwoTowerSpec.defaults().withFields(List.of(OfflineLayout.USER_ID), staticItemFields(layout)));
    }

    /**
     * What the two-tower's item tower reads: the item id and the catalogue's attributes (genre slots, release year),
     * not the point-in-time {@code item*} statistics. A training row's positive item carries the statistics of the
     * row's moment and its in-batch negatives those of other moments, so statistics that change over time (counts,
     * averages) let the model tell the positive by its time rather than by the user's taste; when serving, every item
     * has today's. With them, validation Recall@50 fell after the first epoch on ml-100k, as the old validation AUC
     * did.
     *
     * <p>The user tower reads the user id alone: on nested per-user random holdouts of the ml-100k and
     * ml-latest-small training parts, Recall@50 was 0.354 and 0.272 with the id alone, 0.335 and 0.206 with the top
     * genres and recent positives added, 0.344 and 0.201 with the recent positives, and 0.260 on ml-100k with the
     * rating statistics (a clock: the count grows with every rating). Point-in-time user features describe the user
     * at one moment of the log, and their tie to when a row happened outweighed the taste they carry. A user unknown
     * to training gets the tower's output for the unknown id: one ranking for all, learned with the log-Q correction.
     */
    public static List<String> staticItemFields(FeatureLayout layout) {
        List<String> out = new ArrayList<>();
        for (int c : layout.categoricalColumns(Side.ITEM)) {
            String name = layout.categorical().get(c).name();
            if (name.equals(OfflineLayout.ITEM_ID) || !name.startsWith("item")) {
                out.add(name);
            }
        }
        for (int c : layout.numericColumns(Side.ITEM)) {
            String name = layout.numeric().get(c).name();
            if (!name.startsWith("item")) {
                out.add(name);
            }
        }
        return out;
    }

    /** Trains one model, evaluates it on the test split, saves the bundle under {@code bundles} with its metrics. */
    public static ModelResult train(OfflineSamples samples, ModelSpec spec, TrainConfig config, Path bundles) {
        var train = samples.train();
        var validation = samples.validation();
        long start = System.nanoTime();
        try (TrainedModel model = ModelTrainer.train(spec, samples.layout(), train, validation, config)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            TestEvaluation test = TestEvaluation.of(model, samples.test());
            Retrieval retrieval = Retrieval.of(model, samples);
            Path dir = ModelBundle.save(model, bundles, test.metrics(), Fingerprint.of(train));
            ModelResult result = new ModelResult(
                    spec.name(),
                    dir.toString(),
                    samples.directory().toString(),
                    samples.split(),
                    test.metrics(),
                    test.roc(),
                    model.report(),
                    train.size(),
                    validation.size(),
                    seconds,
                    retrieval.model(),
                    retrieval.popularity());
            result.write(dir.resolve(ModelResult.FILE));
            samples.offlineLayout().writeTo(dir);
            log.info(
                    "{}: test ROC-AUC {} on {} samples; bundle {}",
                    spec.name(),
                    test.metrics().rocAuc(),
                    test.metrics().samples(),
                    dir);
            return result;
        }
    }

    /**
     * Loads a bundle against the samples' layout and evaluates it on their test split.
     *
     * @throws dev.wren.model.bundle.LayoutMismatchException when the bundle was trained on another layout
     */
    public static ModelResult evaluate(Path bundle, OfflineSamples samples) {
        BundleManifest manifest = ModelBundle.manifest(bundle);
        try (TrainedModel model = ModelBundle.load(bundle, samples.layout())) {
            TestEvaluation test = TestEvaluation.of(model, samples.test());
            Retrieval retrieval = Retrieval.of(model, samples);
            return new ModelResult(
                    manifest.name(),
                    bundle.toString(),
                    samples.directory().toString(),
                    samples.split(),
                    test.metrics(),
                    test.roc(),
                    manifest.report(),
                    samples.train().size(),
                    samples.validation().size(),
                    0,
                    retrieval.model(),
                    retrieval.popularity());
        }
    }

    /** A retrieval model's test measures and popularity's on the same task; both empty for a ranking model. */
    private record Retrieval(Optional<RetrievalMetrics> model, Optional<RetrievalMetrics> popularity) {
        static Retrieval of(TrainedModel model, OfflineSamples samples) {
            if (!model.spec().inBatchNegatives()) {
                return new Retrieval(Optional.empty(), Optional.empty());
            }
            RetrievalTask task = RetrievalTask.of(
                    samples.layout(), List.of(samples.train(), samples.validation()), samples.test(), TEST_QUERIES);
            RetrievalMetrics measured = RetrievalEvaluator.evaluate(new TowerVectors(model), samples.layout(), task);
            RetrievalMetrics popular = RetrievalEvaluator.popularity(samples.layout(), task);
            log.info("{}: test {}; popularity's {}", model.spec().name(), measured, popular);
            return new Retrieval(Optional.of(measured), Optional.of(popular));
        }
    }
}
