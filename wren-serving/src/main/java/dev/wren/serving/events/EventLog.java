package dev.wren.serving.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The durable event log: one JSON object per line, appended and flushed to the operating system before the request
 * that caused it is answered. The format is documented in EVENT_LOG.md of this module. Thread-safe: lines are written
 * whole, one at a time.
 */
public final class EventLog implements AutoCloseable {
    private final Path file;
    private final ObjectMapper json;
    private final BufferedWriter out;

    private EventLog(Path file, ObjectMapper json, BufferedWriter out) {
        this.file = file;
        this.json = json;
        this.out = out;
    }

    /** Opens the log for appending, creating it and its folder when absent. */
    public static EventLog open(Path file, ObjectMapper json) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            BufferedWriter out = Files.newBufferedWriter(
                    file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new EventLog(file, json, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the event log " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** A new record to fill and then {@link #append}. */
    public ObjectNode record(String kind) {
        ObjectNode node = json.createObjectNode();
        node.put("kind", kind);
        node.put("loggedAt", System.currentTimeMillis());
        return node;
    }

    /** Appends one line and flushes it. */
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
                throw new UncheckedIOException("cannot append to the event log " + file + ": " + e.getMessage(), e);
            }
        }
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
