package dev.wren.cli;

import dev.wren.model.offline.OfflineSamples;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by {@code wren train} and {@code wren evaluate}: where the offline samples are, and which split. */
final class ModelOptions {
    /** Share of training events, the latest in time, held out for early stopping. */
    static final double VALIDATION_FRACTION = 0.1;

    @Option(
            names = "--samples",
            paramLabel = "DIR",
            description =
                    "The offline pipeline's output folder (manifest.json, samples/). Default: <data home>/offline.")
    Path samples;

    @Option(
            names = "--split",
            defaultValue = "time",
            description = "time (leak-free: test events after every training event) or user (each user's last"
                    + " events held out). Default: ${DEFAULT-VALUE}.")
    String split;

    @Mixin
    DataHome home;

    Path samplesDir() {
        return samples != null ? samples : home.resolve("offline");
    }

    Path bundlesDir(Path bundles) {
        return bundles != null ? bundles : home.resolve("models");
    }

    OfflineSamples open() {
        return OfflineSamples.open(samplesDir(), split, VALIDATION_FRACTION);
    }
}
