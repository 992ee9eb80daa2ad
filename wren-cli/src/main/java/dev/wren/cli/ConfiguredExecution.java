package dev.wren.cli;

import dev.wren.cli.config.ConfigException;
import dev.wren.cli.config.ConfigLoader;
import dev.wren.cli.config.EffectiveConfig;
import dev.wren.cli.config.WrenSettings;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

/**
 * Runs a command with the effective configuration as the defaults of its options. The arguments are parsed once to
 * learn where the configuration is ({@code --config}, {@code --set}, {@code --data-home}), the configuration is loaded
 * and checked, and the arguments are parsed again with each {@link ConfigKey} option defaulting to its key, so that a
 * flag not given falls back to the configuration and {@code --help} shows the value in force. One per command line; not
 * thread-safe (a command line runs one command at a time).
 */
final class ConfiguredExecution implements IExecutionStrategy, IDefaultValueProvider {
    private final ConfigLoader loader;
    private final Map<String, String> env;
    /** Null until the first parse has said where the configuration is. */
    private EffectiveConfig config;

    private ConfiguredExecution(ConfigLoader loader, Map<String, String> env) {
        this.loader = loader;
        this.env = Map.copyOf(env);
    }

    /** {@code cmd} with Wren's configuration and error handling, reading variables from {@code env}. */
    static CommandLine configure(CommandLine cmd, Map<String, String> env) {
        ConfiguredExecution execution = new ConfiguredExecution(new ConfigLoader(), env);
        cmd.setExecutionStrategy(execution);
        cmd.setDefaultValueProvider(execution);
        cmd.setExecutionExceptionHandler(new ErrorHandler());
        return cmd;
    }

    /** The configuration in force for the command that {@code spec} describes. */
    static EffectiveConfig config(CommandSpec spec) {
        if (spec.root().commandLine().getExecutionStrategy() instanceof ConfiguredExecution c && c.config != null) {
            return c.config;
        }
        throw new IllegalStateException("wren " + spec.name() + " was not run through ConfiguredExecution.configure");
    }

    /** The settings in force for the command that {@code spec} describes. */
    static WrenSettings settings(CommandSpec spec) {
        return config(spec).settings();
    }

    /** The loader, for the reference file's text. */
    static ConfigLoader loader(CommandSpec spec) {
        return ((ConfiguredExecution) spec.root().commandLine().getExecutionStrategy()).loader;
    }

    /** Whether the option named {@code name} was given on the command line (rather than taken from configuration). */
    static boolean given(CommandSpec spec, String name) {
        ParseResult result = spec.commandLine().getParseResult();
        return result != null && result.hasMatchedOption(name);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        ConfigKey key = arg.userObject() instanceof Field f ? f.getAnnotation(ConfigKey.class) : null;
        if (config == null || key == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (String k : key.value()) {
            config.text(k).ifPresent(values::add);
        }
        return values.isEmpty() ? null : String.join(",", values);
    }

    @Override
    public int execute(ParseResult first) {
        CommandLine root = first.commandSpec().commandLine();
        ParseResult last = first;
        List<String> sets = new ArrayList<>();
        Optional<Path> file = Optional.empty();
        boolean help = false;
        for (ParseResult p = first; p != null; p = p.hasSubcommand() ? p.subcommand() : null) {
            last = p;
            help |= p.isUsageHelpRequested() || p.isVersionHelpRequested();
            OptionSpec set = p.matchedOption("--set");
            if (set != null) {
                sets.addAll(set.stringValues());
            }
            if (p.hasMatchedOption("--config")) {
                file = Optional.of(p.matchedOptionValue("--config", Path.of("")));
            }
        }
        OptionSpec homeOption = last.commandSpec().findOption("--data-home");
        Path home = homeOption != null && homeOption.getValue() != null
                ? homeOption.getValue()
                : Path.of(env.getOrDefault("WREN_DATA_HOME", "data"));
        try {
            config = loader.load(ConfigLoader.userFile(file, home, env), env, sets);
        } catch (ConfigException e) {
            if (!help) {
                throw new ExecutionException(
                        last.commandSpec().commandLine(),
                        e.getMessage(),
                        new WrenUserException(e.getMessage(), ExitCodes.USAGE, e));
            }
            root.getErr().println("wren: the configuration is not used for this help: " + e.getMessage());
            config = loader.reference();
        }
        config.warnings().forEach(w -> root.getErr().println("wren: warning: " + w));
        root.getErr().flush();
        return new RunLast().execute(root.parseArgs(first.originalArgs().toArray(String[]::new)));
    }
}
