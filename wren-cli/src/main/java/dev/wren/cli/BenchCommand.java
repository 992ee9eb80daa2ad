package dev.wren.cli;

import picocli.CommandLine.Command;

/** {@code wren bench}: the project's own benchmarks, printing medians and p99s. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks: latency (medians and p99s) of the store and the server; simulated-user"
                + " measurements of experiments and the dueling bandit; implicit ALS's validation NDCG by rank and"
                + " iterations.",
        subcommands = {
            BenchStoreCommand.class,
            BenchServeCommand.class,
            BenchExperimentsCommand.class,
            BenchDuelCommand.class,
            BenchAlsCommand.class
        })
final class BenchCommand {}
