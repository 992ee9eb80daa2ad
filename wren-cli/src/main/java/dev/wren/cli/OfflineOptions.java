package dev.wren.cli;

import dev.wren.cli.config.StoreSection;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by {@code wren offline}, {@code wren features} and {@code wren embed}. */
final class OfflineOptions {

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Output folder for Parquet, JSON reports and manifest.json. Default: <data home>/offline.")
    Path out;

    @ConfigKey("store.uri")
    @Option(
            names = "--store",
            paramLabel = "URI",
            description = "Feature store to publish to: embedded:/dir or redis://host:port/db. Default: configuration"
                    + " key store.uri (env WREN_STORE), else embedded:<data home>/store.")
    String store;

    @Option(names = "--no-publish", description = "Write files only; publish nothing to the feature store.")
    boolean noPublish;

    @ConfigKey("offline.master")
    @Option(
            names = "--master",
            description = "Spark master: local[*], local[N] or spark://host:port. Default: ${DEFAULT-VALUE}"
                    + " (configuration key offline.master).")
    String master;

    @ConfigKey("offline.seed")
    @Option(
            names = "--seed",
            description = "Seed of every random step. Default: ${DEFAULT-VALUE} (configuration key offline.seed).")
    long seed;

    @ConfigKey("store.dimension")
    @Option(
            names = "--dim",
            description = "Embedding dimension. Default: ${DEFAULT-VALUE} (configuration key store.dimension).")
    int dimension;

    @ConfigKey("offline.partitions")
    @Option(
            names = "--partitions",
            description = "Spark shuffle partitions (few for small data). Default: ${DEFAULT-VALUE} (configuration key"
                    + " offline.partitions).")
    int partitions;

    @ConfigKey("offline.embedding.word2vec-partitions")
    @Option(
            names = "--word2vec-partitions",
            paramLabel = "N",
            description = "Partitions of Item2vec's Word2Vec, each trained on its own core. 1 is reproducible (a seed"
                    + " gives the same vectors on every run); more are faster but not reproducible in local mode."
                    + " DeepWalk and Node2vec always use 1 and train beside Item2vec."
                    + " Default: ${DEFAULT-VALUE} (configuration key offline.embedding.word2vec-partitions).")
    int word2vecPartitions;

    @ConfigKey("offline.embedding.max-walk-edges")
    @Option(
            names = "--max-walk-edges",
            paramLabel = "N",
            description = "DeepWalk and Node2vec walk a graph that keeps each item's N most frequent next items; the"
                    + " cap bounds the graph's memory and Node2vec's cost per step as the log grows."
                    + " Default: ${DEFAULT-VALUE} (configuration key offline.embedding.max-walk-edges).")
    int maxWalkEdges;

    @Option(
            names = "--refit-embeddings",
            description = "Publish item vectors refitted on the whole log. By default the store gets the evaluation's"
                    + " fit, trained on all but each user's last events: one Word2Vec fit fewer, the costliest step"
                    + " of the run. Also on when configuration key offline.embedding.refit is true.")
    boolean refitEmbeddings;

    @Option(
            names = "--strict",
            description = "Stop at the first bad input row, naming its file and line. By default bad rows are"
                    + " skipped, counted and reported with file and line, and the rest is read. Also on when"
                    + " configuration key data.strict is true.")
    boolean strict;

    /** The store URI to publish to, or the embedded default under the data home. */
    String storeUri(Path dataHome) {
        return StoreSection.uriOrEmbedded(store, dataHome);
    }

    Path output(Path dataHome) {
        return out != null ? out : dataHome.resolve("offline");
    }
}
