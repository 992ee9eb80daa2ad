package dev.wren.model.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds {@code shared/data} by walking up from the working directory (it lives beside the repository). */
public final class SharedData {
    private SharedData() {}

    public static Optional<Path> find(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    public static Optional<Path> sparrowSamples() {
        return find("sparrow/samples/testSamples.csv");
    }
}
