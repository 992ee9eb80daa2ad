package dev.wren.cli;

import dev.wren.cli.config.ConfigPrinter;
import dev.wren.cli.config.EffectiveConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wren config}: the effective configuration, or the commented reference file. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = {
            "Print the effective configuration as YAML: the reference file's defaults, overridden in turn by the user"
                    + " file (--config FILE, else <data home>/wren.yaml when it exists, else $WREN_CONFIG), by"
                    + " environment variables (WREN_<SECTION>_<KEY>, e.g. WREN_SERVING_PORT; WREN_STORE, WREN_KAFKA"
                    + " and WREN_ADMIN_TOKEN too) and by --set KEY=VALUE. The output reads back as a user file; the"
                    + " admin token is never printed.",
            "Every command takes its defaults from this configuration: a flag not given falls back to its key, as"
                    + " each command's --help says.",
            "--reference prints the reference file itself: every key with its default, what it does and its unit.",
        })
final class ConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Where {@code wren.yaml} is looked for. */
    @Mixin
    DataHome home;

    @Option(
            names = "--origins",
            description = "Follow each value with where it came from: reference, file PATH, env NAME or flag --set.")
    boolean origins;

    @Option(
            names = "--reference",
            description = "Print the commented reference file instead: every key, its default, what it does and"
                    + " its unit.")
    boolean reference;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (reference) {
            out.print(ConfiguredExecution.loader(spec).referenceText());
            out.flush();
            return ExitCodes.OK;
        }
        EffectiveConfig config = ConfiguredExecution.config(spec);
        out.println("# Wren's effective configuration: reference < user file < environment < flags.");
        out.println("# User file: "
                + config.file()
                        .map(Object::toString)
                        .orElse("none (--config FILE, " + home.resolve("wren.yaml") + " or $WREN_CONFIG)"));
        out.println();
        out.print(new ConfigPrinter().yaml(config, origins));
        out.flush();
        return ExitCodes.OK;
    }
}
