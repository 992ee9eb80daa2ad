package dev.wren.cli;

import dev.wren.cli.config.WrenSettings;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.offline.OfflineConfig;
import dev.wren.offline.OfflinePipeline;
import dev.wren.offline.OfflineResult;
import dev.wren.offline.OfflineStageException;
import dev.wren.offline.Stage;
import dev.wren.store.FeatureStores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wren offline}: the Spark batch tier, every stage; {@code features} and {@code embed} are the same pipeline
 * with fewer stages.
 */
@Command(
        name = "offline",
        mixinStandardHelpOptions = true,
        description = {
            "Run the offline pipeline on Spark: item and point-in-time user features, leak-free samples with time and"
                    + " leave-last-n splits, Item2vec / DeepWalk / Node2vec embeddings, LSH similar items and"
                    + " monitoring statistics; write Parquet and a manifest, and publish the serving features to the"
                    + " feature store as a new snapshot (one atomic switch).",
            "Runs in local[*] by default; see the README for spark-submit on a cluster.",
        })
class OfflineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    OfflineOptions offline;

    @ConfigKey("offline.stages")
    @Option(
            names = "--stages",
            description = "Comma-separated: features, samples, embed, cf, similar, stats, or all. Default:"
                    + " ${DEFAULT-VALUE} (configuration key offline.stages).")
    String stages;

    @ConfigKey("offline.samples.splits")
    @Option(
            names = "--sample-splits",
            split = ",",
            paramLabel = "SPLIT",
            description = "Sample splits to write besides training.split (the one `wren train` reads, time by"
                    + " default): time, user. Each costs a fit of the transforms and a write of every sample. Default:"
                    + " [${DEFAULT-VALUE}] (configuration key offline.samples.splits).")
    List<String> sampleSplits;

    /** The stages this command runs. */
    Set<Stage> stages() {
        return Stage.parse(stages);
    }

    /** The training split, then the splits this command's option names. */
    private List<String> splits(String trainingSplit) {
        List<String> out = new ArrayList<>(List.of(trainingSplit));
        if (sampleSplits != null) {
            sampleSplits.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path input = dataOptions.resolve(spec.commandLine().getErr());
        Path dataHome = dataOptions.home.dir;
        WrenSettings settings = ConfiguredExecution.settings(spec);
        OfflineConfig configured = settings.offlineConfig(input, offline.output(dataHome));
        OfflineConfig config = new OfflineConfig(
                input,
                offline.output(dataHome),
                offline.master,
                stages(),
                offline.seed,
                offline.partitions,
                configured.snapshotVersion(),
                configured.users(),
                configured.samples().withSplits(splits(settings.training().split())),
                configured
                        .embedding()
                        .withDimension(offline.dimension)
                        .withPartitions(offline.word2vecPartitions)
                        .withMaxEdgesPerNode(offline.maxWalkEdges)
                        .withRefit(offline.refitEmbeddings
                                || configured.embedding().refit()),
                settings.offline().cf().params(offline.seed),
                offline.strict || configured.strictInput());
        OfflineResult result = run(config, offline.noPublish ? null : offline.storeUri(dataHome), offline.dimension);
        print(out, result);
        return ExitCodes.OK;
    }

    /**
     * Runs the pipeline in its own Spark session with console progress, publishing to {@code storeUri} unless it is
     * null. A failed stage becomes one clear error naming it.
     */
    static OfflineResult run(OfflineConfig config, String storeUri, int dimension) {
        try (var progress = new ConsoleStageProgress(config.stages(), storeUri != null)) {
            if (storeUri == null) {
                return OfflinePipeline.runInOwnSession(config, null, progress);
            }
            try (FeatureStore store = FeatureStores.open(storeUri, FeatureSchema.standard(dimension))) {
                return OfflinePipeline.runInOwnSession(config, store, progress);
            }
        } catch (OfflineStageException e) {
            throw new WrenUserException(e.getMessage(), ExitCodes.FAILURE, e);
        }
    }

    static void print(PrintWriter out, OfflineResult r) {
        for (var bad : r.badRows()) {
            out.printf(
                    "%s: %,d bad row(s) skipped (--strict stops at the first), the first:%n",
                    bad.file(), bad.badRows());
            bad.firstMessages().forEach(m -> out.println("  " + m));
        }
        out.println("Offline outputs in " + r.output());
        r.timings().forEach((stage, d) -> out.printf("  %-8s %8.1f s%n", stage.label(), d.toMillis() / 1000.0));
        if (!r.rowCounts().isEmpty()) {
            out.println("Rows");
            new java.util.TreeMap<>(r.rowCounts()).forEach((name, n) -> out.printf("  %-28s %,12d%n", name, n));
        }
        if (!r.hitRates().isEmpty()) {
            out.println("Next-item hit rate@10 (test split)");
            for (Map.Entry<String, Double> e : r.hitRates().entrySet()) {
                out.printf("  %-12s %.4f%n", e.getKey(), e.getValue());
            }
        }
        r.similarRecall().ifPresent(x -> out.printf("Similar items recall@10 against an exact search: %.4f%n", x));
        r.publishedVersion().ifPresent(v -> out.println("Published feature snapshot " + v));
    }
}
