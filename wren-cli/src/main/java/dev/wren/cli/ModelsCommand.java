package dev.wren.cli;

import dev.wren.model.learn.Lineage;
import dev.wren.model.learn.OnlineLearner;
import dev.wren.model.online.ModelsFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wren models}: the versions in a models folder, and rolling serving back to an older one. */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = "Model bundle versions: list them, or roll serving back.",
        subcommands = {ModelsCommand.ListVersions.class, ModelsCommand.Rollback.class})
final class ModelsCommand {

    /** Options both subcommands take. */
    static final class Folder {
        @Mixin
        DataHome home;

        @Option(names = "--models", paramLabel = "DIR", description = "Models folder. Default: <data home>/models.")
        Path models;

        Path root() {
            return models != null ? models : home.resolve("models");
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Every version of every model: which one is served, which are retired, and the lineage of"
                    + " versions published by `wren learn`.")
    static final class ListVersions implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Folder folder;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Path root = folder.root();
            if (!Files.isDirectory(root)) {
                throw new WrenUserException("no models folder " + root, ExitCodes.BAD_INPUT);
            }
            List<Path> models;
            try (Stream<Path> children = Files.list(root)) {
                models = children.filter(Files::isDirectory).sorted().toList();
            }
            for (Path m : models) {
                Optional<Path> served = ModelsFolder.newest(m, Set.of());
                for (Path v : ModelsFolder.versions(m)) {
                    String state = ModelsFolder.retired(v) ? "retired" : served.equals(Optional.of(v)) ? "served" : "";
                    String lineage = OnlineLearner.readLineage(v)
                            .map(ModelsCommand::describe)
                            .orElse("");
                    out.printf("%-14s %-5s %-8s %s%n", m.getFileName(), v.getFileName(), state, lineage);
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "rollback",
            mixinStandardHelpOptions = true,
            description = {
                "Make serving go back to the version before the served one (or --to a given version): every newer"
                        + " version is marked retired (retired.json in its folder), so a running server's watcher"
                        + " swaps the older one in within seconds and never picks a retired version again. A later"
                        + " `wren learn` or `wren train` publishes a higher version, which is served. --to a"
                        + " retired newer version rolls forward.",
            })
    static final class Rollback implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Folder folder;

        @Option(names = "--model", required = true, description = "The model, e.g. deepfm.")
        String model;

        @Option(names = "--to", paramLabel = "vN", description = "The version to serve, e.g. v3.")
        String to;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            OptionalInt version = OptionalInt.empty();
            if (to != null) {
                if (!to.matches("v?[0-9]+")) {
                    throw new WrenUserException("--to must be a version such as v3, got '" + to + "'", ExitCodes.USAGE);
                }
                version = OptionalInt.of(Integer.parseInt(to.startsWith("v") ? to.substring(1) : to));
            }
            Path root = folder.root();
            Optional<Path> before;
            try {
                before = ModelsFolder.newest(root.resolve(model), Set.of());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root.resolve(model), e);
            }
            Path served = ModelsFolder.rollback(root, model, version);
            out.printf(
                    "%s now serves %s (was %s); newer versions are retired%n",
                    model,
                    served.getFileName(),
                    before.map(p -> p.getFileName().toString()).orElse("none"));
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static String describe(Lineage l) {
        return String.format(
                "from %s, +%,d samples (through ts %d); prequential AUC updated %.4f vs frozen %.4f",
                l.parent(),
                l.samplesSeen(),
                l.throughTs(),
                l.window().liveAuc(),
                l.window().frozenAuc());
    }
}
