package dev.wren.cli;

import picocli.CommandLine.Command;

/** {@code wren bench}: the project's own benchmarks, printing medians and p99s. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks: latency (medians and p99s) of the store and the server, and simulated-user"
                + " measurements of experiments and the dueling bandit.",
        subcommands = {
            BenchStoreCommand.class,
            BenchServeCommand.class,
            BenchExperimentsCommand.class,
            BenchDuelCommand.class
        })
final class BenchCommand {}
