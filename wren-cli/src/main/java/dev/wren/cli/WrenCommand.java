package dev.wren.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
            "Configuration: every default is a key of the reference file (`wren config --reference`); a user file"
                    + " (--config FILE, else <data home>/wren.yaml, else $WREN_CONFIG), environment variables"
                    + " WREN_<SECTION>_<KEY> (e.g. WREN_SERVING_PORT) and flags override it in that order;"
                    + " `wren config --origins` prints what is in force and where each value came from.",
            "Environment: WREN_DATA_HOME (default ./data), WREN_CONFIG, WREN_STORE (feature store URI, default"
                    + " embedded:<data home>/store), WREN_KAFKA, WREN_ADMIN_TOKEN, WREN_LOG_LEVEL (default INFO).",
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
            StoreCommand.class,
            ConfigCommand.class,
            CommandLine.HelpCommand.class
        })
final class WrenCommand implements Runnable {

    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "Print stack traces on failure; in wren demo, also print the logs (which go to a file).")
    boolean verbose;

    // Read by ConfiguredExecution from the parse result, wherever on the command line they are given.
    @Option(
            names = "--config",
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description = "A YAML file of settings over the reference configuration (see `wren config --reference`)."
                    + " Default: <data home>/wren.yaml when it exists, else the file $WREN_CONFIG names.")
    Path config;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            scope = ScopeType.INHERIT,
            description = "Set one configuration key for this run, over the file and the environment, e.g."
                    + " --set serving.port=9000 (repeatable).")
    List<String> set;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The fully wired command line, with Wren's configuration and error handling. */
    static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** The fully wired command line, reading configuration variables from {@code env}. */
    static CommandLine commandLine(Map<String, String> env) {
        CommandLine cmd = ConfiguredExecution.configure(new CommandLine(new WrenCommand()), env);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        return cmd;
    }
}
