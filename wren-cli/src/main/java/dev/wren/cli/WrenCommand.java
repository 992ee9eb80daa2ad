package dev.wren.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root {@code wren} command. Each capability is a subcommand; this class only wires them. */
@Command(
        name = "wren",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Wren: a deep-learning recommender system in Java.",
            "Without --data, commands use Wren's own synthetic MovieLens-format dataset, generated on first use.",
        },
        footer = {
            "",
            "Exit codes: 0 ok, 1 failure, 2 usage error, 3 bad input data, 4 service or network unavailable.",
            "Environment: WREN_DATA_HOME (default ./data), WREN_STORE (feature store URI, default memory:),"
                    + " WREN_LOG_LEVEL (default INFO).",
        },
        subcommands = {
            DemoCommand.class,
            GenerateCommand.class,
            DownloadCommand.class,
            InspectCommand.class,
            OfflineCommand.class,
            FeaturesCommand.class,
            EmbedCommand.class,
            ServeCommand.class,
            StreamCommand.class,
            TrainCommand.class,
            TrainRankerCommand.class,
            LearnCommand.class,
            ModelsCommand.class,
            EvaluateCommand.class,
            EvalCommand.class,
            AbCommand.class,
            ReportCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
final class WrenCommand implements Runnable {

    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "Print stack traces on failure; in wren demo, also print the logs (which go to a file).")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The fully wired command line, with Wren's error handling. */
    static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new WrenCommand());
        cmd.setExecutionExceptionHandler(new ErrorHandler());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        return cmd;
    }
}
