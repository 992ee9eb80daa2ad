package dev.wren.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code wren eval}: the evaluation loop's commands. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Evaluate recommendations as a user sees them. `wren eval topk` scores the whole pipeline's"
                + " top-K lists against held-out ratings, beside baselines run on the same split.",
        subcommands = {EvalTopKCommand.class, CommandLine.HelpCommand.class})
final class EvalCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
