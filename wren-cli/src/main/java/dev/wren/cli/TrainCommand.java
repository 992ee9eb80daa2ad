package dev.wren.cli;

import dev.wren.model.blocks.ModelCatalog;
import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.offline.OfflineSamples;
import dev.wren.model.offline.OfflineTraining;
import dev.wren.model.report.ModelResult;
import dev.wren.model.train.TrainConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wren train}: trains models on the offline pipeline's samples, evaluates them, saves bundles. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train a ranking model on the offline pipeline's samples (run `wren offline` first): train on the split's"
                    + " training samples, stop early on their latest 10 %% (validation AUC), evaluate on the test"
                    + " samples, and save a model bundle with metrics.json under --bundles.",
            "The two-tower retrieval model trains on every rating as an interaction (in-batch softmax with the log-Q"
                    + " correction), stops early on validation Recall@50 of a search over all items, and reports"
                    + " test Recall@10, Recall@50 and NDCG@10 beside popularity's.",
            "Models: logistic-regression, embedding-mlp, wide-deep, deepfm, neural-cf, deep-cross, pnn, din, dien,"
                    + " two-tower, or all.",
        })
class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions options;

    @ConfigKey("training.model")
    @Option(
            names = "--model",
            description = "Model name, or all. Default: ${DEFAULT-VALUE} (configuration key training.model).")
    String model;

    @ConfigKey("training.epochs")
    @Option(
            names = "--epochs",
            description = "Maximum epochs, with early stopping. Default: ${DEFAULT-VALUE} (configuration key"
                    + " training.epochs; null: the model's own).")
    Integer epochs;

    @ConfigKey("training.patience")
    @Option(
            names = "--patience",
            description = "Epochs without a better validation AUC (two-tower: Recall@50) before stopping. Default:"
                    + " ${DEFAULT-VALUE} (configuration key training.patience).")
    int patience;

    @ConfigKey("training.batch-size")
    @Option(
            names = "--batch-size",
            description = "Samples per step. Default: ${DEFAULT-VALUE} (configuration key training.batch-size; null:"
                    + " the model's own).")
    Integer batchSize;

    @ConfigKey("training.learning-rate")
    @Option(
            names = "--learning-rate",
            description = "Adam's learning rate. Default: ${DEFAULT-VALUE} (configuration key training.learning-rate;"
                    + " null: the model's own).")
    Float learningRate;

    @ConfigKey("training.l2")
    @Option(
            names = "--l2",
            description = "L2 weight decay. Default: ${DEFAULT-VALUE} (configuration key training.l2; null: the"
                    + " model's own).")
    Float l2;

    @ConfigKey("training.seed")
    @Option(
            names = "--seed",
            description = "Seed of training. Default: ${DEFAULT-VALUE} (configuration key training.seed).")
    long seed;

    @Option(
            names = "--bundles",
            paramLabel = "DIR",
            description = "Where bundles go (<model>/v<N>). Default: <data home>/models.")
    Path bundles;

    @Option(names = "--no-progress", description = "Do not draw progress bars.")
    boolean noProgress;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if ((learningRate != null && !(learningRate > 0)) || (l2 != null && !(l2 >= 0))) {
            throw new WrenUserException(
                    "--learning-rate must be positive and --l2 at least 0, got " + learningRate + " and " + l2,
                    ExitCodes.USAGE);
        }
        if (epochs != null && epochs < 1) {
            throw new WrenUserException("--epochs must be at least 1, got " + epochs, ExitCodes.USAGE);
        }
        OfflineSamples samples = options.open();
        ModelCatalog catalog = OfflineTraining.catalog(samples.layout());
        List<ModelSpec> specs = model.equals("all") ? catalog.all() : List.of(catalog.byName(model));
        Path root = options.bundlesDir(bundles);
        out.printf(
                "Training %d model(s) on %s (split %s): %,d training, %,d validation, %,d test samples%n",
                specs.size(),
                samples.directory(),
                samples.split(),
                samples.train().size(),
                samples.validation().size(),
                samples.test().size());
        out.flush();
        List<ModelResult> results = new ArrayList<>();
        for (ModelSpec s : specs) {
            TrainConfig config = ConfiguredExecution.settings(spec)
                    .trainConfig(s)
                    .withSeed(seed)
                    .withProgress(!noProgress);
            config = config.withEpochs(epochs != null ? epochs : config.maxEpochs(), patience);
            if (batchSize != null) {
                config = config.withBatchSize(batchSize);
            }
            if (learningRate != null) {
                config = config.withLearningRate(learningRate);
            }
            if (l2 != null) {
                config = config.withL2(l2);
            }
            ModelResult r = OfflineTraining.train(samples, s, config, root);
            results.add(r);
            print(out, r);
            out.flush();
        }
        return ExitCodes.OK;
    }

    static void print(PrintWriter out, ModelResult r) {
        out.printf(
                "%-20s ROC-AUC %.4f  PR-AUC %.4f  log loss %.4f  (%d epochs, best %d, %.0f samples/s)  %s%n",
                r.model(),
                r.test().rocAuc(),
                r.test().prAuc(),
                r.test().logLoss(),
                r.training().epochsRun(),
                r.training().bestEpoch(),
                r.training().samplesPerSecond(),
                r.bundle());
        r.retrieval()
                .ifPresent(m -> out.printf(
                        "%-20s test Recall@10 %.4f  Recall@50 %.4f  NDCG@10 %.4f  (%d users, all items searched)%n",
                        "", m.recallAt10(), m.recallAt50(), m.ndcgAt10(), m.queries()));
        r.popularityRetrieval()
                .ifPresent(m -> out.printf(
                        "%-20s popularity: Recall@10 %.4f  Recall@50 %.4f  NDCG@10 %.4f%n",
                        "", m.recallAt10(), m.recallAt50(), m.ndcgAt10()));
    }
}
