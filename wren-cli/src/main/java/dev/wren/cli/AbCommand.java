package dev.wren.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code wren ab}: analysis of online experiments from the serving logs. */
@Command(
        name = "ab",
        mixinStandardHelpOptions = true,
        description = "Analyse online experiments from what the server logged. `wren ab report` joins exposures with"
                + " later clicks and ratings and reports each variant, the lift with CUPED, an always-valid"
                + " sequential test, the sample-ratio check and any interleaving preference.",
        subcommands = {AbReportCommand.class, CommandLine.HelpCommand.class})
final class AbCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
