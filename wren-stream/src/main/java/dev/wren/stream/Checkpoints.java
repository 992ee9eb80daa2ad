package dev.wren.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checkpoint folders: Flink writes {@code <folder>/<job id>/chk-<n>/_metadata}. A followed log resumes from its
 * folder's newest complete checkpoint; a replay starts afresh (its writes are idempotent) and uses its folder only for
 * restarts within the run. Each log file gets its own folders, so that following another file starts afresh rather
 * than at the old file's offset. Stateless.
 */
public final class Checkpoints {
    private Checkpoints() {}

    /**
     * The folder for reading {@code log} under {@code root}: {@code follow-<hash of the log's absolute path>} when
     * following it, {@code replay-<hash>} when reading it once.
     */
    public static Path folderFor(Path root, Path log, boolean follow) {
        return folderFor(root, log.toAbsolutePath().normalize().toString(), follow);
    }

    /** The folder for reading {@code source} (a log's path, or Kafka servers, topics and group) under {@code root}. */
    public static Path folderFor(Path root, String source, boolean follow) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return root.resolve(
                    (follow ? "follow-" : "replay-") + HexFormat.of().formatHex(digest, 0, 6));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The newest complete checkpoint (a {@code chk-<n>} folder with its {@code _metadata}) under {@code folder}. */
    public static Optional<Path> latest(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> found =
                Files.find(folder, 3, (p, a) -> p.getFileName().toString().equals("_metadata") && a.isRegularFile())) {
            return found.max(Comparator.comparing(Checkpoints::modified)).map(Path::getParent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for checkpoints in " + folder, e);
        }
    }

    /**
     * Deletes the job folders under {@code folder} other than the one holding {@code keep} (they are superseded), or
     * all of them when {@code keep} is empty.
     */
    public static void pruneExcept(Path folder, Optional<Path> keep) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        Optional<Path> keepJob = keep.map(k -> k.toAbsolutePath().normalize().getParent());
        try (Stream<Path> jobs = Files.list(folder)) {
            for (Path job : jobs.toList()) {
                if (!keepJob.equals(Optional.of(job.toAbsolutePath().normalize()))) {
                    deleteTree(job);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prune old checkpoints in " + folder, e);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> deepestFirst = all.sorted(Comparator.reverseOrder()).toList();
            for (Path p : deepestFirst) {
                Files.deleteIfExists(p);
            }
        }
    }
}
