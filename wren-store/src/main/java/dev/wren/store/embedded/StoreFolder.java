package dev.wren.store.embedded;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk layout of an embedded store:
 *
 * <pre>
 * dir/MANIFEST                       live version and committed versions, oldest first; replaced atomically
 * dir/lock                           held while a process has the folder open
 * dir/versions/&lt;v&gt;/users.rows    snapshot rows, written before the MANIFEST names the version
 * dir/versions/&lt;v&gt;/items.rows
 * dir/versions/&lt;v&gt;/updates.log   real-time updates to that version, replayed on open
 * </pre>
 *
 * The MANIFEST is the single commit point: a version folder it does not name is a snapshot that never committed, and
 * is deleted on open. Not thread-safe: the store serialises calls.
 */
final class StoreFolder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoreFolder.class);
    private static final String HEADER = "wren-embedded-store 1";

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    /** What the MANIFEST says: the live version and the committed versions, oldest first. */
    record Manifest(Optional<String> live, List<String> versions) {
        Manifest {
            versions = List.copyOf(versions);
        }
    }

    private StoreFolder(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static StoreFolder open(Path dir) {
        try {
            Files.createDirectories(dir.resolve("versions"));
            FileChannel channel =
                    FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new FeatureStoreException(
                        "feature store folder " + dir + " is already open in another store or process");
            }
            return new StoreFolder(dir, channel, lock);
        } catch (IOException e) {
            throw new FeatureStoreException("cannot open feature store folder " + dir + ": " + e, e);
        }
    }

    Path dir() {
        return dir;
    }

    Manifest readManifest() {
        Path file = dir.resolve("MANIFEST");
        if (!Files.exists(file)) {
            return new Manifest(Optional.empty(), List.of());
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                throw new FeatureStoreException("corrupt manifest " + file + ": line 1 should be '" + HEADER + "'");
            }
            Optional<String> live = Optional.empty();
            List<String> versions = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                String[] parts = lines.get(i).split(" ", -1);
                if (parts.length != 2 || !parts[1].matches("[a-zA-Z0-9_.-]+")) {
                    throw new FeatureStoreException(
                            "corrupt manifest " + file + " line " + (i + 1) + ": '" + lines.get(i) + "'");
                }
                if (parts[0].equals("live")) {
                    live = Optional.of(parts[1]);
                } else if (parts[0].equals("version")) {
                    versions.add(parts[1]);
                } else {
                    throw new FeatureStoreException(
                            "corrupt manifest " + file + " line " + (i + 1) + ": '" + lines.get(i) + "'");
                }
            }
            if (live.isPresent() && !versions.contains(live.get())) {
                throw new FeatureStoreException(
                        "corrupt manifest " + file + ": live version '" + live.get() + "' is not a listed version");
            }
            for (String v : versions) {
                if (!Files.isDirectory(versionDir(v))) {
                    throw new FeatureStoreException(
                            "manifest " + file + " names version '" + v + "' but " + versionDir(v) + " is missing");
                }
            }
            return new Manifest(live, versions);
        } catch (IOException e) {
            throw new FeatureStoreException("cannot read manifest " + file + ": " + e, e);
        } catch (UncheckedIOException e) {
            throw new FeatureStoreException("corrupt manifest " + file + ": not UTF-8 text", e);
        }
    }

    /** Replaces the MANIFEST atomically: the one step that commits a snapshot or drops versions. */
    void writeManifest(Manifest manifest) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        manifest.live().ifPresent(v -> text.append("live ").append(v).append('\n'));
        manifest.versions().forEach(v -> text.append("version ").append(v).append('\n'));
        Path file = dir.resolve("MANIFEST");
        Path temp = dir.resolve("MANIFEST.tmp");
        try {
            try (FileChannel channel = FileChannel.open(
                    temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new FeatureStoreException("the file system of " + dir + " cannot replace files atomically", e);
            }
            syncDirectory(dir);
        } catch (IOException e) {
            throw new FeatureStoreException("cannot write manifest " + file + ": " + e, e);
        }
    }

    /** Deletes version folders that the manifest does not name: snapshots that never committed. */
    void deleteUncommitted(Manifest manifest) {
        try (Stream<Path> folders = Files.list(dir.resolve("versions"))) {
            for (Path folder : folders.toList()) {
                if (!manifest.versions().contains(folder.getFileName().toString())) {
                    log.info("Deleting {}: a snapshot that never committed", folder);
                    deleteTree(folder);
                }
            }
        } catch (IOException e) {
            throw new FeatureStoreException("cannot list " + dir.resolve("versions") + ": " + e, e);
        }
    }

    Path versionDir(String version) {
        return dir.resolve("versions").resolve(version);
    }

    static String rowsFileName(EntityKind kind) {
        return kind == EntityKind.USER ? "users.rows" : "items.rows";
    }

    /** Writes a snapshot's rows into its own folder and syncs them; the version is not committed by this. */
    void writeSnapshot(String version, VersionRows rows) {
        Path folder = versionDir(version);
        try {
            if (Files.exists(folder)) {
                deleteTree(folder);
            }
            Files.createDirectories(folder);
            for (EntityKind kind : EntityKind.values()) {
                RowFiles.write(folder.resolve(rowsFileName(kind)), rows, kind);
            }
            syncDirectory(folder);
            syncDirectory(folder.getParent());
        } catch (IOException e) {
            throw new FeatureStoreException("cannot write snapshot " + folder + ": " + e, e);
        }
    }

    /** Loads a committed version's rows, replays its update log, and returns the log open for appends. */
    UpdateLog load(String version, FeatureSchema schema, VersionRows into) {
        Path folder = versionDir(version);
        for (EntityKind kind : EntityKind.values()) {
            Path file = folder.resolve(rowsFileName(kind));
            if (!Files.exists(file)) {
                throw new FeatureStoreException("feature file " + file + " of committed version is missing");
            }
            RowFiles.read(file, schema, kind, into);
        }
        return openLog(version, schema, into);
    }

    UpdateLog openLog(String version, FeatureSchema schema, VersionRows into) {
        return UpdateLog.openAndReplay(versionDir(version).resolve("updates.log"), schema, into);
    }

    void deleteVersion(String version) {
        try {
            deleteTree(versionDir(version));
        } catch (IOException e) {
            // The manifest no longer names it, so the next open deletes it.
            log.warn("Cannot delete {} now; it will be deleted on the next open", versionDir(version), e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void syncDirectory(Path directory) {
        // Makes the directory entry itself durable on Linux; some platforms cannot open a directory, which is fine.
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            log.debug("Cannot sync directory {}", directory, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.warn("Cannot release the lock of {}", dir, e);
        }
    }
}
