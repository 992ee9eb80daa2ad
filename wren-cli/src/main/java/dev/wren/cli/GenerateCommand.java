package dev.wren.cli;

import dev.wren.data.synthetic.ConsoleGenerationProgress;
import dev.wren.data.synthetic.GenerationResult;
import dev.wren.data.synthetic.SyntheticConfig;
import dev.wren.data.synthetic.SyntheticDataGenerator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wren generate}: writes a synthetic MovieLens-format dataset. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Write a synthetic MovieLens-format dataset (movies.csv, ratings.csv, links.csv) from a seed.",
            "Users and movies have hidden taste vectors (written to hidden/), genres follow tastes, popularity follows"
                    + " a power law, ratings span several years and depend on taste. Same seed, same bytes.",
        })
final class GenerateCommand implements Callable<Integer> {
    private static final SyntheticConfig DEFAULTS = SyntheticConfig.defaults();

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder. Default: <data home>/synthetic-<seed>.")
    Path out;

    @Mixin
    DataHome home;

    @Option(names = "--seed", description = "Seed of every random step. Default: ${DEFAULT-VALUE}.")
    long seed = DEFAULTS.seed();

    @Option(names = "--users", description = "Number of users. Default: ${DEFAULT-VALUE}.")
    int users = DEFAULTS.users();

    @Option(names = "--movies", description = "Number of movies. Default: ${DEFAULT-VALUE}.")
    int movies = DEFAULTS.movies();

    @Option(
            names = "--ratings",
            description =
                    "Target number of ratings (up to tens of millions; streamed to disk). Default: ${DEFAULT-VALUE}.")
    long ratings = DEFAULTS.ratings();

    @Option(names = "--taste-dim", description = "Dimension of the hidden taste vectors. Default: ${DEFAULT-VALUE}.")
    int tasteDimension = DEFAULTS.tasteDimension();

    @Override
    public Integer call() {
        SyntheticConfig config =
                DEFAULTS.withSeed(seed).withSize(users, movies, ratings).withTasteDimension(tasteDimension);
        Path dir = out != null ? out : home.resolve("synthetic-" + seed);
        long started = System.nanoTime();
        GenerationResult result;
        try (var progress = new ConsoleGenerationProgress(config.ratings())) {
            result = new SyntheticDataGenerator().generate(config, dir, progress);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        spec.commandLine()
                .getOut()
                .printf(
                        "Wrote %,d users, %,d movies, %,d ratings to %s in %.1f s (hidden tastes in %s)%n",
                        result.users(),
                        result.movies(),
                        result.ratings(),
                        result.directory(),
                        seconds,
                        result.hiddenDirectory());
        return ExitCodes.OK;
    }
}
