package dev.wren.offline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Tiny MovieLens-format fixtures written into a test's temp folder, and the shared data folder when present. */
public final class Fixtures {
    private Fixtures() {}

    public static Path write(Path dir, String name, Charset charset, String... lines) {
        try {
            Files.createDirectories(dir);
            return Files.write(dir.resolve(name), List.of(lines), charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code shared/data/<name>}, found by walking up from the working folder, if it exists. */
    public static Optional<Path> sharedData(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("data").resolve(name);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
