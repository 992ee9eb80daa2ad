package dev.wren.cli;

import dev.wren.data.synthetic.ConsoleGenerationProgress;
import dev.wren.data.synthetic.SyntheticConfig;
import dev.wren.data.synthetic.SyntheticDataGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where a command finds its dataset: {@code --data}, or else Wren's default synthetic dataset under the data home,
 * generated on first use so that every command works on a fresh clone with no data at all.
 */
final class DataOptions {
    static final String DEFAULT_DATASET = "synthetic-default";
    private static final String COMPLETE_MARKER = ".complete";

    @ConfigKey("data.dir")
    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "A MovieLens-format folder (any layout). Default: configuration key data.dir, else the"
                    + " synthetic dataset in the data home.")
    Path data;

    @Mixin
    DataHome home;

    /** The dataset folder to read, generating the default one if needed. */
    Path resolve(PrintWriter err) {
        if (data != null) {
            if (!Files.isDirectory(data)) {
                throw new WrenUserException("--data " + data + " is not a folder", ExitCodes.BAD_INPUT);
            }
            return data;
        }
        return defaultDataset(home.dir, err);
    }

    /** The default synthetic dataset under {@code home}, generated (with a progress bar) when absent or incomplete. */
    static Path defaultDataset(Path home, PrintWriter err) {
        Path dir = home.resolve(DEFAULT_DATASET);
        if (Files.exists(dir.resolve(COMPLETE_MARKER))) {
            return dir;
        }
        SyntheticConfig config = SyntheticConfig.defaults();
        err.println("No --data given: generating Wren's default synthetic dataset into " + dir + " (once).");
        err.flush();
        try (var progress = new ConsoleGenerationProgress(config.ratings())) {
            new SyntheticDataGenerator().generate(config, dir, progress);
        }
        try {
            // Written last, so that an interrupted generation is redone rather than half-used.
            Files.writeString(dir.resolve(COMPLETE_MARKER), "seed=" + config.seed() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(COMPLETE_MARKER), e);
        }
        return dir;
    }
}
