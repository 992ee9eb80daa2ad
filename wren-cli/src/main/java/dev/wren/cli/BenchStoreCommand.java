package dev.wren.cli;

import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.store.FeatureStores;
import dev.wren.store.bench.StoreBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wren bench store}: batch-read latency of a feature store backend. */
@Command(
        name = "store",
        mixinStandardHelpOptions = true,
        description = {
            "Load synthetic items and users into a fresh snapshot of the store, then time batch reads:"
                    + " N item vectors at once, and one user's features. Prints median and p99 in microseconds.",
            "Against Redis, use a scratch namespace or database: the benchmark writes a new live version.",
        })
final class BenchStoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--store",
            paramLabel = "URI",
            defaultValue = "${env:WREN_STORE:-memory:}",
            description = "memory:, embedded:/dir or redis://host:port/db (env WREN_STORE). Default: ${DEFAULT-VALUE}.")
    String store;

    @Option(names = "--items", description = "Items to load. Default: ${DEFAULT-VALUE}.")
    int items = 20_000;

    @Option(names = "--dim", description = "Embedding dimension. Default: ${DEFAULT-VALUE}.")
    int dim = 32;

    @Option(names = "--batch", description = "Item vectors per batch read. Default: ${DEFAULT-VALUE}.")
    int batch = 800;

    @Option(names = "--iterations", description = "Timed reads of each kind. Default: ${DEFAULT-VALUE}.")
    int iterations = 2_000;

    @Option(names = "--seed", description = "Seed for the synthetic rows and the ids read. Default: ${DEFAULT-VALUE}.")
    long seed = 42;

    @Override
    public Integer call() {
        try (FeatureStore featureStore = FeatureStores.open(store, FeatureSchema.standard(dim))) {
            StoreBenchmark.Result result = StoreBenchmark.run(featureStore, items, dim, batch, iterations, seed);
            spec.commandLine().getOut().println(result.summary());
        }
        return ExitCodes.OK;
    }
}
