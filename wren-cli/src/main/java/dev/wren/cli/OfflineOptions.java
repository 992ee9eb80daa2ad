package dev.wren.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by {@code wren offline}, {@code wren features} and {@code wren embed}. */
final class OfflineOptions {

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Output folder for Parquet, JSON reports and manifest.json. Default: <data home>/offline.")
    Path out;

    @Option(
            names = "--store",
            paramLabel = "URI",
            defaultValue = "${env:WREN_STORE}",
            description = "Feature store to publish to: embedded:/dir or redis://host:port/db (env WREN_STORE)."
                    + " Default: embedded:<data home>/store.")
    String store;

    @Option(names = "--no-publish", description = "Write files only; publish nothing to the feature store.")
    boolean noPublish;

    @Option(
            names = "--master",
            defaultValue = "local[*]",
            description = "Spark master: local[*], local[N] or spark://host:port. Default: ${DEFAULT-VALUE}.")
    String master;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed of every random step. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--dim", defaultValue = "32", description = "Embedding dimension. Default: ${DEFAULT-VALUE}.")
    int dimension;

    @Option(
            names = "--partitions",
            defaultValue = "8",
            description = "Spark shuffle partitions (few for small data). Default: ${DEFAULT-VALUE}.")
    int partitions;

    @Option(
            names = "--word2vec-partitions",
            paramLabel = "N",
            defaultValue = "1",
            description = "Partitions of Item2vec's Word2Vec, each trained on its own core. 1 is reproducible (a seed"
                    + " gives the same vectors on every run); more are faster but not reproducible in local mode."
                    + " DeepWalk and Node2vec always use 1 and train beside Item2vec."
                    + " Default: ${DEFAULT-VALUE}.")
    int word2vecPartitions;

    @Option(
            names = "--max-walk-edges",
            paramLabel = "N",
            defaultValue = "200",
            description = "DeepWalk and Node2vec walk a graph that keeps each item's N most frequent next items; the"
                    + " cap bounds the graph's memory and Node2vec's cost per step as the log grows."
                    + " Default: ${DEFAULT-VALUE}.")
    int maxWalkEdges;

    @Option(
            names = "--refit-embeddings",
            description = "Publish item vectors refitted on the whole log. By default the store gets the evaluation's"
                    + " fit, trained on all but each user's last events: one Word2Vec fit fewer, the costliest step"
                    + " of the run.")
    boolean refitEmbeddings;

    @Option(
            names = "--strict",
            description = "Stop at the first bad input row, naming its file and line. By default bad rows are"
                    + " skipped, counted and reported with file and line, and the rest is read.")
    boolean strict;

    /** The store URI to publish to, or the embedded default under the data home. */
    String storeUri(Path dataHome) {
        return store == null || store.isBlank()
                ? "embedded:" + dataHome.resolve("store").toAbsolutePath()
                : store;
    }

    Path output(Path dataHome) {
        return out != null ? out : dataHome.resolve("offline");
    }
}
