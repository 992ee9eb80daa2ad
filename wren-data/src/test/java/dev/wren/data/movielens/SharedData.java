package dev.wren.data.movielens;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the real datasets in {@code shared/data} for tests, which skip when it is absent. */
public final class SharedData {
    private SharedData() {}

    /** Walks up from the working directory to the first folder with a {@code shared/data/<dataset>} child or sibling. */
    public static Optional<Path> find(String dataset) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("data").resolve(dataset);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The dataset folder, or a skipped test saying where it was looked for. */
    public static Path dataset(String name) {
        Optional<Path> dir = find(name);
        assumeTrue(
                dir.isPresent(),
                () -> "shared/data/" + name + " not found in any parent of "
                        + Path.of("").toAbsolutePath());
        return dir.orElseThrow();
    }
}
