package dev.wren.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code wren store}: look into a feature store, and move its features to another. */
@Command(
        name = "store",
        mixinStandardHelpOptions = true,
        description = "Look into a feature store (`wren store info`) and copy its live snapshot into another"
                + " (`wren store copy`), e.g. from the embedded store to Redis without running the offline pipeline"
                + " again.",
        subcommands = {StoreInfoCommand.class, StoreCopyCommand.class, CommandLine.HelpCommand.class})
final class StoreCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
