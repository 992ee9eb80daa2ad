package dev.wren.model.offline;

import dev.wren.model.blocks.Cross;
import dev.wren.model.blocks.ModelCatalog;
import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.bundle.BundleManifest;
import dev.wren.model.bundle.ModelBundle;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.Fingerprint;
import dev.wren.model.report.ModelResult;
import dev.wren.model.report.TestEvaluation;
import dev.wren.model.train.ModelTrainer;
import dev.wren.model.train.TrainConfig;
import dev.wren.model.train.TrainedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains and evaluates models on offline samples: train on the split's training samples minus the validation slice,
 * stop early on the slice, evaluate on the test samples, save a bundle with {@code metrics.json} beside it.
 * Stateless; run trainings one after another when results must repeat (PyTorch's generator is process-wide).
 */
public final class OfflineTraining {
    private static final Logger log = LoggerFactory.getLogger(OfflineTraining.class);

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

    /** Every model, sized by default, with this layout's crosses. */
    public static ModelCatalog catalog(FeatureLayout layout) {
        return new ModelCatalog(crosses(layout));
    }

    /** Trains one model, evaluates it on the test split, saves the bundle under {@code bundles} with its metrics. */
    public static ModelResult train(OfflineSamples samples, ModelSpec spec, TrainConfig config, Path bundles) {
        var train = samples.train();
        var validation = samples.validation();
        long start = System.nanoTime();
        try (TrainedModel model = ModelTrainer.train(spec, samples.layout(), train, validation, config)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            TestEvaluation test = TestEvaluation.of(model, samples.test());
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
                    seconds);
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
                    0);
        }
    }
}
