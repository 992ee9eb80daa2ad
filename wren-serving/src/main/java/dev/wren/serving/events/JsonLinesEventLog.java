package dev.wren.serving.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The event log as a local JSON-lines file: one record per line, appended and flushed to the operating system before
 * {@link #append} returns. The embedded default and what {@code wren eval} writes exposures to. Thread-safe: lines are
 * written whole, one at a time.
 */
public final class JsonLinesEventLog implements EventLog {
    private final Path file;
    private final ObjectMapper json;
    private final BufferedWriter out;
    private final LostRecords lost;

    private JsonLinesEventLog(Path file, ObjectMapper json, BufferedWriter out, LostRecords lost) {
        this.file = file;
        this.json = json;
        this.out = out;
        this.lost = lost;
    }

    /** Opens the log for appending, with lost records counted only in this log (see {@link #lost}). */
    public static JsonLinesEventLog open(Path file, ObjectMapper json) {
        return open(file, json, new SimpleMeterRegistry());
    }

    /**
     * Opens the log for appending, creating it and its folder when absent.
     *
     * @param metrics where records offered and lost are counted ({@value EventLog#LOST_COUNTER})
     * @throws UncheckedIOException when the file cannot be opened
     */
    public static JsonLinesEventLog open(Path file, ObjectMapper json, MeterRegistry metrics) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            BufferedWriter out = Files.newBufferedWriter(
                    file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new JsonLinesEventLog(file, json, out, new LostRecords(metrics));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the event log " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Appends one line and flushes it. */
    @Override
    public void append(ObjectNode record) {
        String line;
        try {
            line = json.writeValueAsString(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (this) {
            try {
                out.write(line);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new EventLogException(
                        "the event log cannot be written",
                        new IOException("cannot append to " + file + ": " + e.getMessage(), e));
            }
        }
    }

    /** Appends at once, as {@link #append} does (a local flush is cheap enough for every request), or counts a loss. */
    @Override
    public void offer(ObjectNode record) {
        try {
            append(record);
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
        return "file " + file;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
