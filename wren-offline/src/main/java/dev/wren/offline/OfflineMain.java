package dev.wren.offline;

import dev.wren.core.features.UserFeatureRules;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spark-submit entry point: parses a few {@code --name value} options, runs the pipeline without publishing
 * (Parquet, JSON reports and the manifest only; the CLI publishes to a store), and prints a summary.
 *
 * <pre>
 * spark-submit --class dev.wren.offline.OfflineMain --master spark://127.0.0.1:7077 \
 *   wren-offline-VERSION-spark.jar --input /data/ml-latest-small --output /tmp/wren-out [--stages all] [--seed 42]
 *   [--dim 32] [--label-threshold 3.5] [--partitions 8] [--word2vec-partitions 1] [--max-walk-edges 200]
 *   [--refit-embeddings false] [--compare-embeddings-up-to 5000000] [--sample-splits time] [--strict false]
 * </pre>
 */
public final class OfflineMain {
    private static final Logger log = LoggerFactory.getLogger(OfflineMain.class);
    private static final Set<String> OPTIONS = Set.of(
            "input",
            "output",
            "master",
            "stages",
            "seed",
            "dim",
            "label-threshold",
            "partitions",
            "word2vec-partitions",
            "max-walk-edges",
            "refit-embeddings",
            "compare-embeddings-up-to",
            "sample-splits",
            "strict");

    private OfflineMain() {}

    public static void main(String[] args) {
        OfflineConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("wren-offline: " + e.getMessage());
            System.err.println("usage: --input DIR --output DIR [--master URL] [--stages all|features,samples,...]"
                    + " [--seed N] [--dim N] [--label-threshold X] [--partitions N] [--word2vec-partitions N]"
                    + " [--max-walk-edges N] [--refit-embeddings true|false] [--compare-embeddings-up-to RATINGS]"
                    + " [--sample-splits time,user]"
                    + " [--strict true|false]");
            System.exit(2);
            return;
        }
        try {
            OfflineResult result = OfflinePipeline.runInOwnSession(config, null, ProgressListener.none());
            System.out.println("wren-offline: wrote " + result.output());
            result.timings()
                    .forEach((s, d) -> System.out.println("  stage " + s.label() + ": " + d.toMillis() + " ms"));
            result.rowCounts().forEach((n, c) -> System.out.println("  " + n + ": " + c + " rows"));
            result.hitRates().forEach((m, h) -> System.out.printf("  hit rate@10 %s: %.4f%n", m, h));
            result.similarRecall().ifPresent(r -> System.out.printf("  similar items recall@10: %.4f%n", r));
        } catch (OfflineStageException e) {
            log.error("{}", e.getMessage(), e);
            System.err.println("wren-offline: " + e.getMessage());
            System.exit(1);
        }
    }

    static OfflineConfig parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + args[i] + "'; known: " + OPTIONS);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
            options.put(name, args[++i]);
        }
        for (String required : List.of("input", "output")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required");
            }
        }
        OfflineConfig defaults = OfflineConfig.defaults(Path.of(options.get("input")), Path.of(options.get("output")));
        try {
            double threshold = Double.parseDouble(options.getOrDefault("label-threshold", "3.5"));
            UserFeatureRules users = defaults.users();
            return new OfflineConfig(
                    defaults.input(),
                    defaults.output(),
                    options.getOrDefault("master", defaults.master()),
                    Stage.parse(options.getOrDefault("stages", "all")),
                    Long.parseLong(options.getOrDefault("seed", "42")),
                    Integer.parseInt(
                            options.getOrDefault("partitions", Integer.toString(defaults.shufflePartitions()))),
                    defaults.snapshotVersion(),
                    users.withPositiveThreshold(threshold),
                    new dev.wren.offline.samples.SampleParams(
                            threshold,
                            defaults.samples().trainFraction(),
                            defaults.samples().leaveLastN(),
                            defaults.samples().negativesPerPositive(),
                            defaults.samples().buckets(),
                            List.of(options.getOrDefault("sample-splits", "time")
                                    .split(","))),
                    defaults.embedding()
                            .withDimension(Integer.parseInt(options.getOrDefault("dim", "32")))
                            .withPartitions(Integer.parseInt(options.getOrDefault("word2vec-partitions", "1")))
                            .withMaxEdgesPerNode(Integer.parseInt(options.getOrDefault(
                                    "max-walk-edges", Integer.toString(EmbeddingParams.DEFAULT_MAX_EDGES_PER_NODE))))
                            .withRefit(Boolean.parseBoolean(options.getOrDefault("refit-embeddings", "false")))
                            .withCompareUpTo(Long.parseLong(options.getOrDefault(
                                    "compare-embeddings-up-to", Long.toString(EmbeddingParams.DEFAULT_COMPARE_UP_TO)))),
                    defaults.cf(),
                    Boolean.parseBoolean(options.getOrDefault("strict", "false")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + e.getMessage());
        }
    }
}
