package dev.wren.cli;

import picocli.CommandLine.Command;

/** {@code wren bench}: the project's own benchmarks, printing medians and p99s. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks that print medians and p99 latencies.",
        subcommands = {BenchStoreCommand.class, BenchServeCommand.class})
final class BenchCommand {}
