package dev.wren.cli;

import dev.wren.model.offline.OfflineSamples;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options shared by {@code wren train} and {@code wren evaluate}: where the offline samples are, and which split. */
final class ModelOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--samples",
            paramLabel = "DIR",
            description =
                    "The offline pipeline's output folder (manifest.json, samples/). Default: <data home>/offline.")
    Path samples;

    @ConfigKey("training.split")
    @Option(
            names = "--split",
            description = "time (leak-free: test events after every training event) or user (each user's last"
                    + " events held out). Default: ${DEFAULT-VALUE} (configuration key training.split).")
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
        return OfflineSamples.open(
                samplesDir(),
                split,
                ConfiguredExecution.settings(command).training().validationFraction());
    }
}
