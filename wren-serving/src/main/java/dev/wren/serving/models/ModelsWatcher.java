package dev.wren.serving.models;

import dev.wren.model.online.ModelsFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a models folder and calls back when a model's latest bundle changes: a new version, or a rewritten
 * {@code bundle.json} (written last by a save, so a bundle caught half-written is retried once it is complete). A
 * refused bundle is not retried until the folder changes again. Thread-safe.
 */
public final class ModelsWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ModelsWatcher.class);

    private static final String INCOMPLETE = ":incomplete";

    private final Path root;
    private final Runnable onChange;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wren-models-watcher");
        t.setDaemon(true);
        return t;
    });
    private volatile List<String> seen;

    /** Starts watching; the bundles present now are the ones already loaded. */
    public ModelsWatcher(Path root, Duration every, Runnable onChange) {
        this.root = root;
        this.onChange = onChange;
        this.seen = fingerprint();
        timer.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            List<String> now = fingerprint();
            if (now.stream().anyMatch(s -> s.endsWith(INCOMPLETE))) {
                return; // a save in progress: look again once its bundle.json is there
            }
            if (!now.equals(seen)) {
                seen = now;
                log.info("The models folder {} changed: loading a new serving state", root);
                onChange.run();
            }
        } catch (RuntimeException e) {
            log.warn("Cannot check the models folder {}: {}", root, e.getMessage());
        }
    }

    /** Each model's latest version folder with its manifest's size and modification time. */
    List<String> fingerprint() {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.sorted().toList()) {
                if (!Files.isDirectory(child)) {
                    continue;
                }
                String model = child.getFileName().toString();
                // The served version: the newest not retired, so a rollback (a retired marker) is a change too.
                Optional<Path> latest = ModelsFolder.newest(child, java.util.Set.of());
                if (latest.isPresent()) {
                    Path manifest = latest.get().resolve(ModelsFolder.manifestName(model));
                    String stamp = Files.isRegularFile(manifest)
                            ? Files.size(manifest) + "@"
                                    + Files.getLastModifiedTime(manifest).toMillis()
                            : INCOMPLETE;
                    out.add(latest.get() + (stamp.equals(INCOMPLETE) ? stamp : ":" + stamp));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
