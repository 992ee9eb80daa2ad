package dev.wren.serving.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the live {@link ServingState} and swaps it: a new state loads in the background while the old one serves, and
 * replaces it in one atomic reference switch only when it loaded and validated; a broken one is refused and logged.
 * Thread-safe.
 */
public final class StateHolder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StateHolder.class);

    private final StateLoader loader;
    private final AtomicReference<ServingState> live;
    private final AtomicLong generation = new AtomicLong(1);
    /** How long a swapped-out state stays open for the requests still reading it. */
    static final Duration RETIRE_AFTER = Duration.ofSeconds(30);

    private final ScheduledExecutorService retiring = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wren-state-retire");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "wren-state-loader");
        t.setDaemon(true);
        return t;
    });

    /**
     * Loads the first state synchronously: the server does not start without one. A broken newest model bundle is
     * refused as a hot swap would refuse it, and the server starts on the version before it (logged as a warning);
     * with no good version left, that model is not served.
     */
    public StateHolder(StateLoader loader, Path dataDir) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.live = new AtomicReference<>(loadFirst(loader, dataDir));
    }

    private static ServingState loadFirst(StateLoader loader, Path dataDir) {
        Set<Path> refused = new LinkedHashSet<>();
        while (true) {
            try {
                return loader.load(dataDir, "state-1", refused);
            } catch (BrokenStateException e) {
                Path bundle = e.bundle().orElse(null);
                if (bundle == null || !refused.add(bundle)) {
                    throw e;
                }
                log.warn(
                        "Refused model bundle {} at start-up: {}; starting with the version before it",
                        bundle,
                        e.getMessage());
            }
        }
    }

    public ServingState current() {
        return live.get();
    }

    /**
     * Loads a new state from the folder in the background and swaps it in.
     *
     * @return completes with the new state, or exceptionally with a {@link BrokenStateException} (the old one stays)
     */
    public CompletableFuture<ServingState> reload(Path dataDir) {
        String version = "state-" + generation.incrementAndGet();
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        ServingState next = loader.load(dataDir, version);
                        ServingState old = live.getAndSet(next);
                        log.info("Swapped serving state {} for {}", old.version(), next.version());
                        retire(old);
                        return next;
                    } catch (BrokenStateException e) {
                        log.warn(
                                "Refused serving state {}: {}; {} keeps serving",
                                version,
                                e.getMessage(),
                                current().version());
                        throw e;
                    }
                },
                background);
    }

    /**
     * Closes a swapped-out state's models once the requests that read it before the switch have finished: a request
     * reads the state once at its start and runs for milliseconds, so a grace period far longer than any request is
     * enough.
     */
    private void retire(ServingState old) {
        retiring.schedule(old::close, RETIRE_AFTER.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        background.shutdownNow();
        // States still in their grace period close now: nothing serves after close.
        retiring.shutdownNow().forEach(Runnable::run);
        live.get().close();
    }
}
