package dev.wren.cli;

import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.bundle.ModelBundle;
import dev.wren.model.learn.BadSample;
import dev.wren.model.learn.FreshSamples;
import dev.wren.model.learn.ItemFeatureTable;
import dev.wren.model.learn.Lineage;
import dev.wren.model.learn.OnlineLearner;
import dev.wren.model.learn.Prequential;
import dev.wren.model.learn.PublishRule;
import dev.wren.model.learn.TimedSample;
import dev.wren.model.offline.OfflineManifest;
import dev.wren.model.offline.ParquetRows;
import dev.wren.model.online.ModelsFolder;
import dev.wren.model.train.TrainConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wren learn}: online updates of a served ranking model on fresh samples, published when not worse. */
@Command(
        name = "learn",
        mixinStandardHelpOptions = true,
        description = {
            "Continue training a served ranking model (default: the one `wren serve` ranks with) from its latest"
                    + " bundle on fresh samples, in time order, in chunks: each chunk is scored by the updated model"
                    + " before it trains on it, and by the frozen starting model (prequential validation).",
            "A new bundle version is published (the server's watcher swaps it in) only when, over the latest"
                    + " --window prequential samples (at least --min-window, both classes), the updated model's AUC is"
                    + " at least the frozen model's minus --tolerance. Decisions come every --publish-every minutes"
                    + " (wall clock), every --publish-samples samples if set, and at the end of the input.",
            "Fresh samples: the stream job's committed JSON-lines part files (the offline samples' raw columns plus"
                    + " exposedAt, position, labelSource; item features joined from <offline>/features/items when"
                    + " absent), or offline Parquet samples (an offline output folder replays its time split's test"
                    + " samples). Samples at or before the starting bundle's last learned time are skipped. Bad rows"
                    + " are reported with file and line, counted and skipped.",
            "Undo a publication with `wren models rollback`.",
        })
final class LearnCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataHome home;

    @Option(names = "--model", description = "Model to update. Default: the ranking bundle `wren serve` ranks with.")
    String model;

    @Option(names = "--models", paramLabel = "DIR", description = "Models folder. Default: <data home>/models.")
    Path models;

    @Option(
            names = "--samples",
            paramLabel = "DIR",
            description = "Fresh samples: a folder of JSON-lines part files (searched recursively), of .parquet"
                    + " samples, or an offline output folder. Default: <data home>/stream/samples.")
    Path samples;

    @Option(
            names = "--offline",
            paramLabel = "DIR",
            description = "The offline output whose features/items fills absent item features. Default: <data"
                    + " home>/offline.")
    Path offline;

    @Option(names = "--follow", description = "Keep watching --samples for new committed files (stop with Ctrl-C).")
    boolean follow;

    @ConfigKey("learn.poll")
    @Option(
            names = "--poll",
            paramLabel = "SECONDS",
            description = "With --follow, seconds between looks for new files. Default: ${DEFAULT-VALUE} (configuration"
                    + " key learn.poll).")
    int pollSeconds;

    @ConfigKey("learn.chunk")
    @Option(
            names = "--chunk",
            paramLabel = "N",
            description = "Samples per prequential step (scored, then trained on). Default: ${DEFAULT-VALUE}"
                    + " (configuration key learn.chunk).")
    int chunk;

    @ConfigKey("learn.publish-every")
    @Option(
            names = "--publish-every",
            paramLabel = "MINUTES",
            description = "Minutes (wall clock) between publish decisions; with the server's 5 s watcher a published"
                    + " model serves within about this long plus one chunk. Default: ${DEFAULT-VALUE} (configuration"
                    + " key learn.publish-every).")
    double publishEveryMinutes;

    @ConfigKey("learn.publish-samples")
    @Option(
            names = "--publish-samples",
            paramLabel = "N",
            description = "Also decide after every N samples learned (0: off), e.g. for replays. Default:"
                    + " ${DEFAULT-VALUE} (configuration key learn.publish-samples).")
    long publishSamples;

    @ConfigKey("learn.window")
    @Option(
            names = "--window",
            paramLabel = "N",
            description = "Latest prequential samples the publish rule judges. Default: ${DEFAULT-VALUE}"
                    + " (configuration key learn.window).")
    int window;

    @ConfigKey("learn.min-window")
    @Option(
            names = "--min-window",
            paramLabel = "N",
            description = "Fewest samples in the window to publish at all. Default: ${DEFAULT-VALUE} (configuration"
                    + " key learn.min-window).")
    int minWindow;

    @ConfigKey("learn.tolerance")
    @Option(
            names = "--tolerance",
            paramLabel = "AUC",
            description = "AUC the updated model may trail the frozen one by. Default: ${DEFAULT-VALUE} (configuration"
                    + " key learn.tolerance).")
    double tolerance;

    @ConfigKey("learn.learning-rate")
    @Option(
            names = "--learning-rate",
            description = "Adam's learning rate. Default: ${DEFAULT-VALUE} (configuration key learn.learning-rate;"
                    + " null: learn.rate-share times the model's own, which alone lowered prequential AUC in"
                    + " wren-model's BENCHMARK.md).")
    Float learningRate;

    @ConfigKey("learn.batch-size")
    @Option(
            names = "--batch-size",
            description = "Samples per update step within a chunk. Default: ${DEFAULT-VALUE} (configuration key"
                    + " learn.batch-size).")
    int batchSize;

    @ConfigKey("learn.replay-share")
    @Option(
            names = "--replay-share",
            paramLabel = "N",
            description = "Earlier samples replayed beside each fresh one in every update, drawn uniformly from the"
                    + " starting model's training samples (the --offline folder's) and the samples learned since, so"
                    + " that a burst of fresh samples does not pull the model away from what it learned; 0: none."
                    + " Default: ${DEFAULT-VALUE} (configuration key learn.replay-share).")
    double replayShare;

    @ConfigKey("learn.replay-capacity")
    @Option(
            names = "--replay-capacity",
            paramLabel = "N",
            description = "The most earlier samples kept to replay from. Default: ${DEFAULT-VALUE} (configuration key"
                    + " learn.replay-capacity).")
    int replayCapacity;

    @ConfigKey("learn.seed")
    @Option(
            names = "--seed",
            description = "Seed of the updates. Default: ${DEFAULT-VALUE} (configuration key learn.seed).")
    long seed;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (chunk < 1 || batchSize < 1 || pollSeconds < 1 || !(publishEveryMinutes > 0) || publishSamples < 0) {
            throw new WrenUserException(
                    "--chunk, --batch-size, --poll and --publish-every must be positive, --publish-samples at least 0",
                    ExitCodes.USAGE);
        }
        if (learningRate != null && !(learningRate > 0)) {
            throw new WrenUserException("--learning-rate must be positive, got " + learningRate, ExitCodes.USAGE);
        }
        PublishRule rule;
        OnlineLearner.Replay replay;
        try {
            rule = new PublishRule(window, minWindow, tolerance);
            replay = new OnlineLearner.Replay(replayShare, replayCapacity);
        } catch (IllegalArgumentException e) {
            throw new WrenUserException(e.getMessage(), ExitCodes.USAGE);
        }
        Path root = models != null ? models : home.resolve("models");
        Path start = startingBundle(root);
        String name = start.getParent().getFileName().toString();
        ModelSpec modelSpec = ModelBundle.manifest(start).spec();
        TrainConfig base = TrainConfig.defaultsFor(modelSpec);
        TrainConfig config = base.withSeed(seed)
                .withBatchSize(batchSize)
                .withLearningRate(
                        learningRate != null
                                ? learningRate
                                : base.learningRate()
                                        * ConfiguredExecution.settings(spec)
                                                .learn()
                                                .rateShare());
        Path input = samples != null ? samples : home.resolve("stream").resolve("samples");
        long skipThrough =
                OnlineLearner.readLineage(start).map(Lineage::throughTs).orElse(Long.MIN_VALUE);
        try (OnlineLearner learner = new OnlineLearner(start, config, rule, replay)) {
            Path offlineDir = offline != null ? offline : home.resolve("offline");
            Optional<ItemFeatureTable> items = ItemFeatureTable.load(offlineDir, learner.layout());
            long[] bad = {0};
            FreshSamples reader = new FreshSamples(learner.layout(), items, b -> reportBad(b, bad));
            if (replay.share() > 0) {
                rememberTraining(out, learner, reader, offlineDir, replay.capacity());
            }
            out.printf(
                    "Learning %s from %s on %s%s; item features %s; publish rule: %s%n",
                    name,
                    start,
                    input,
                    follow ? " (following)" : "",
                    items.map(t -> "from " + offlineDir.resolve(ItemFeatureTable.FOLDER) + " (" + t.size() + " items)")
                            .orElse("only from the samples (no " + offlineDir.resolve(ItemFeatureTable.FOLDER) + ")"),
                    describe(rule));
            out.flush();
            Set<Path> done = new HashSet<>();
            long startNanos = System.nanoTime();
            long lastDecisionNanos = startNanos;
            long sinceDecision = 0;
            long skipped = 0;
            int published = 0;
            while (true) {
                List<Path> fresh = sampleFiles(input).stream()
                        .filter(f -> !done.contains(f))
                        .toList();
                if (!fresh.isEmpty()) {
                    List<TimedSample> rows = reader.readInTimeOrder(fresh);
                    done.addAll(fresh);
                    int from = 0;
                    while (from < rows.size() && rows.get(from).ts() <= skipThrough) {
                        from++;
                    }
                    skipped += from;
                    for (int i = from; i < rows.size(); i += chunk) {
                        List<TimedSample> part = rows.subList(i, Math.min(rows.size(), i + chunk));
                        learner.learn(part);
                        sinceDecision += part.size();
                        if (publishSamples > 0 && sinceDecision >= publishSamples) {
                            published += decide(out, learner, root);
                            sinceDecision = 0;
                            lastDecisionNanos = System.nanoTime();
                        }
                    }
                    progress(out, learner, fresh.size(), reader.badRows(), skipped, startNanos);
                }
                boolean due = System.nanoTime() - lastDecisionNanos >= publishEveryMinutes * 60e9;
                if (sinceDecision > 0 && (due || !follow)) {
                    published += decide(out, learner, root);
                    sinceDecision = 0;
                    lastDecisionNanos = System.nanoTime();
                }
                if (!follow) {
                    break;
                }
                Thread.sleep(pollSeconds * 1000L);
            }
            Prequential.Summary total = learner.prequential().total();
            out.printf(
                    "Done: %,d samples learned, %,d bad rows skipped, %,d already learned skipped; prequential AUC"
                            + " updated %.4f vs frozen %.4f, log loss %.4f vs %.4f; %d version(s) published%n",
                    learner.seen(),
                    reader.badRows(),
                    skipped,
                    total.liveAuc(),
                    total.frozenAuc(),
                    total.liveLogLoss(),
                    total.frozenLogLoss(),
                    published);
            out.flush();
        }
        return ExitCodes.OK;
    }

    private void reportBad(BadSample bad, long[] count) {
        if (++count[0] <= 10) {
            spec.commandLine().getErr().println("bad sample skipped: " + bad);
            spec.commandLine().getErr().flush();
        }
    }

    /** The version to start from: the named model's served version, or the ranking bundle serving would pick. */
    private Path startingBundle(Path root) {
        if (model != null) {
            try {
                return ModelsFolder.newest(root.resolve(model), Set.of())
                        .orElseThrow(() -> new WrenUserException(
                                "no served version of model '" + model + "' under " + root, ExitCodes.BAD_INPUT));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root.resolve(model), e);
            }
        }
        return ModelsFolder.bestRanker(ModelsFolder.latest(root))
                .map(ModelsFolder.Entry::dir)
                .orElseThrow(() -> new WrenUserException(
                        "no ranking model bundle under " + root + ": run `wren train` first, or name one with --model",
                        ExitCodes.BAD_INPUT));
    }

    /**
     * Offers the replay buffer the starting model's training samples: the offline output's training split, the same
     * number of rows from the start of each of its files, four times the buffer's capacity in all (the buffer keeps a
     * uniform sample of what it was offered), so that a 25M-sample output is not read whole.
     */
    private void rememberTraining(
            PrintWriter out, OnlineLearner learner, FreshSamples reader, Path offlineDir, int capacity) {
        String split = ConfiguredExecution.settings(spec).training().split();
        Path train = offlineDir.resolve("samples").resolve(split).resolve("train");
        List<Path> files = Files.isDirectory(train) ? ParquetRows.filesOf(train) : List.of();
        if (files.isEmpty()) {
            out.printf("Replaying only the samples learned in this run (no training samples in %s)%n", train);
            return;
        }
        long perFile = Math.max(1, 4L * capacity / files.size());
        long offered = 0;
        for (Path file : files) {
            List<TimedSample> rows = reader.readParquet(file, perFile);
            learner.remember(rows.stream().map(TimedSample::sample).toList());
            offered += rows.size();
        }
        out.printf(
                "Replaying %s earlier samples per fresh one, from %,d of the training samples in %s and the samples"
                        + " learned since%n",
                learner.replay().share(), offered, train);
    }

    /** The sample files of the input: an offline output folder's time-split test samples, or the folder's files. */
    static List<Path> sampleFiles(Path input) {
        if (Files.isRegularFile(input.resolve(OfflineManifest.FILE))) {
            return ParquetRows.filesOf(input.resolve("samples").resolve("time").resolve("test"));
        }
        return FreshSamples.committedFiles(input);
    }

    private static int decide(PrintWriter out, OnlineLearner learner, Path root) {
        OnlineLearner.Outcome outcome = learner.publishIfNotWorse(root);
        out.printf(
                "%s after %,d samples: %s%n",
                outcome.published().map(p -> "published " + p).orElse("not published"),
                learner.seen(),
                outcome.decision().reason());
        out.flush();
        return outcome.published().isPresent() ? 1 : 0;
    }

    private static void progress(
            PrintWriter out, OnlineLearner learner, int files, long bad, long skipped, long startNanos) {
        Prequential.Summary total = learner.prequential().total();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.printf(
                "%,d samples learned from %d new file(s) (%.0f samples/s, %,d bad, %,d skipped); prequential AUC"
                        + " updated %.4f, frozen %.4f%n",
                learner.seen(),
                files,
                learner.seen() / Math.max(1e-9, seconds),
                bad,
                skipped,
                total.liveAuc(),
                total.frozenAuc());
        out.flush();
    }

    private static String describe(PublishRule rule) {
        return String.format(
                "updated AUC >= frozen AUC - %s over the latest %d prequential samples (at least %d)",
                rule.tolerance(), rule.window(), rule.minSamples());
    }
}
