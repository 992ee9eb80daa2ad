package dev.wren.serving.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event log as a local JSON-lines file: one record per line, handed to the operating system (a {@code write}, no
 * buffer in this process) before {@link #append} returns, and forced to the disk by the {@link EventLogSync} policy:
 * {@code always} before {@link #append} returns, with concurrent appends sharing one {@code fsync} (group commit);
 * {@code everysec} by a background thread about once a second; {@code none} never. {@link #offer}ed records (exposures)
 * never wait for an {@code fsync}. The embedded default and what {@code wren eval} writes exposures to. Thread-safe:
 * lines are written whole, one at a time.
 */
public final class JsonLinesEventLog implements EventLog {
    private static final Logger log = LoggerFactory.getLogger(JsonLinesEventLog.class);

    private final Path file;
    private final ObjectMapper json;
    /** A stream, not a {@code FileChannel}: an interrupted request thread would close a channel for every other one. */
    private final FileOutputStream out;

    private final LostRecords lost;
    private final EventLogSync sync;
    private final Forcer forcer;
    private final ScheduledExecutorService syncer; // null unless everysec
    private final Object writeLock = new Object();
    private final Object syncLock = new Object();
    /** Lines written so far; a line's sequence number is the value after its write. Guarded by writeLock. */
    private volatile long written;
    /** Every line up to this sequence number is on the disk. Guarded by syncLock. */
    private long synced;
    /** Whether one appender is running the {@code fsync} that the others wait for. Guarded by syncLock. */
    private boolean syncing;

    /** How the file is forced to the disk: an {@code fsync} of its descriptor, or a stand-in that tests can hold up. */
    @FunctionalInterface
    interface Forcer {
        void force(FileOutputStream file) throws IOException;
    }

    private JsonLinesEventLog(
            Path file, ObjectMapper json, FileOutputStream out, LostRecords lost, EventLogSync sync, Forcer forcer) {
        this.forcer = forcer;
        this.file = file;
        this.json = json;
        this.out = out;
        this.lost = lost;
        this.sync = sync;
        if (sync == EventLogSync.EVERYSEC) {
            this.syncer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "wren-event-log-fsync");
                t.setDaemon(true);
                return t;
            });
            syncer.scheduleWithFixedDelay(this::syncInBackground, 1, 1, TimeUnit.SECONDS);
        } else {
            this.syncer = null;
        }
    }

    /** Opens the log for appending ({@code everysec}), with lost records counted only in this log (see {@link #lost}). */
    public static JsonLinesEventLog open(Path file, ObjectMapper json) {
        return open(file, json, new SimpleMeterRegistry());
    }

    /** Opens the log for appending with the default policy, {@code everysec}. */
    public static JsonLinesEventLog open(Path file, ObjectMapper json, MeterRegistry metrics) {
        return open(file, json, metrics, EventLogSync.EVERYSEC);
    }

    /**
     * Opens the log for appending, creating it and its folder when absent.
     *
     * @param metrics where records offered and lost are counted ({@value EventLog#LOST_COUNTER})
     * @param sync when lines are forced to the disk
     * @throws UncheckedIOException when the file cannot be opened
     */
    public static JsonLinesEventLog open(Path file, ObjectMapper json, MeterRegistry metrics, EventLogSync sync) {
        return open(file, json, metrics, sync, out -> out.getFD().sync());
    }

    static JsonLinesEventLog open(
            Path file, ObjectMapper json, MeterRegistry metrics, EventLogSync sync, Forcer forcer) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean created = !Files.exists(file);
            FileOutputStream out = new FileOutputStream(file.toFile(), true);
            try {
                endTornLine(file, out);
            } catch (IOException e) {
                out.close();
                throw e;
            }
            if (created && parent != null && sync != EventLogSync.NONE) {
                // A new file's directory entry must reach the disk too, or a power loss can lose the whole file.
                try (FileChannel dir = FileChannel.open(parent, StandardOpenOption.READ)) {
                    dir.force(true);
                } catch (IOException e) {
                    log.debug("cannot fsync the folder {} (not supported here): {}", parent, e.getMessage());
                }
            }
            return new JsonLinesEventLog(file, json, out, new LostRecords(metrics), sync, forcer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the event log " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Ends a last line a crash cut short with a {@code \n}: appended to as it is, it would swallow the next record into
     * one unreadable line, and replay would lose an acknowledged event.
     */
    private static void endTornLine(Path file, FileOutputStream out) throws IOException {
        int last;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            if (size == 0) {
                return;
            }
            in.seek(size - 1);
            last = in.read();
        }
        if (last != '\n') {
            log.warn("the event log {} ends with a line cut short (a crash while writing it); ending it", file);
            out.write('\n');
        }
    }

    public Path file() {
        return file;
    }

    public EventLogSync sync() {
        return sync;
    }

    /** Appends one line and, with {@code always}, returns only once it is on the disk. */
    @Override
    public void append(ObjectNode record) {
        long sequence = write(record);
        if (sync == EventLogSync.ALWAYS) {
            awaitSynced(sequence);
        }
    }

    private long write(ObjectNode record) {
        byte[] line;
        try {
            line = (json.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (writeLock) {
            try {
                out.write(line);
                written++;
                return written;
            } catch (IOException e) {
                throw new EventLogException(
                        "the event log cannot be written",
                        new IOException("cannot append to " + file + ": " + e.getMessage(), e));
            }
        }
    }

    /**
     * Group commit: the first waiter forces everything written so far while later ones wait; a waiter whose line was
     * written after that {@code fsync} started leads the next one. So N concurrent appends cost about two {@code
     * fsync}s, not N.
     */
    private void awaitSynced(long sequence) {
        while (true) {
            long target;
            synchronized (syncLock) {
                while (synced < sequence && syncing) {
                    try {
                        syncLock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new EventLogException("interrupted while waiting for the event log's fsync", e);
                    }
                }
                if (synced >= sequence) {
                    return;
                }
                syncing = true;
                target = written;
            }
            // The fsync runs without the lock, so that the appends arriving meanwhile queue up for the next one.
            boolean done = false;
            try {
                force(target);
                done = true;
            } finally {
                synchronized (syncLock) {
                    syncing = false;
                    if (done) {
                        synced = Math.max(synced, target);
                    }
                    syncLock.notifyAll();
                }
            }
        }
    }

    private void force(long target) {
        try {
            forcer.force(out);
        } catch (IOException e) {
            throw new EventLogException(
                    "the event log cannot be synced to the disk",
                    new IOException("cannot fsync " + file + " up to line " + target + ": " + e.getMessage(), e));
        }
    }

    private void syncInBackground() {
        try {
            long target = written;
            synchronized (syncLock) {
                if (synced >= target) {
                    return;
                }
            }
            forcer.force(out);
            synchronized (syncLock) {
                synced = Math.max(synced, target);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("cannot fsync the event log {}: {}", file, e.getMessage());
        }
    }

    /** Appends at once without waiting for an {@code fsync}, or counts a loss. */
    @Override
    public void offer(ObjectNode record) {
        try {
            write(record);
        } catch (EventLogException e) {
            lost.lost(record.path("kind").asText(), e);
        }
    }

    /** The records offered and lost, of a kind. */
    public long lost(String kind) {
        return lost.count(kind);
    }

    @Override
    public String describe() {
        return "file " + file + " (fsync " + sync.label() + ")";
    }

    /** Forces what was written (unless the policy is {@code none}) and closes the file. */
    @Override
    public void close() {
        if (syncer != null) {
            syncer.shutdownNow();
        }
        synchronized (writeLock) {
            try {
                if (sync != EventLogSync.NONE && out.getFD().valid()) {
                    out.getFD().sync();
                }
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
