package dev.wren.eval.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the serving log format (wren-serving's EVENT_LOG.md, schemaVersion 1) from JSON-lines files or single
 * records (a Kafka value), with or without the optional exploration and interleaving fields. Unknown fields are
 * ignored; records with a newer schemaVersion are skipped and counted; a line that is not a valid record is skipped
 * and reported with its file and line. A last line without a trailing newline is a write cut short and is skipped.
 * Not thread-safe: one reader collects one log.
 */
public final class ExperimentLogReader {
    private static final int VERSION = 1;

    private final ObjectMapper json = new ObjectMapper();
    private final List<ExposureRecord> exposures = new ArrayList<>();
    private final List<EventRecord> events = new ArrayList<>();
    private final List<BadLine> bad = new ArrayList<>();
    private long badCount;
    private long newer;

    /** Reads whole files; a file that cannot be opened is an error, a bad line is not. */
    public static ExperimentLog read(List<Path> files) {
        ExperimentLogReader reader = new ExperimentLogReader();
        for (Path file : files) {
            reader.readFile(file);
        }
        return reader.log();
    }

    public void readFile(Path file) {
        boolean complete = endsWithNewline(file);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            long number = 0;
            while (line != null) {
                number++;
                String next = in.readLine();
                if (next != null || complete) {
                    accept(line, file, number);
                }
                line = next;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads one record; {@code source} and {@code line} say where it came from when it is bad. */
    public void accept(String text, Path source, long line) {
        if (text.isBlank()) {
            return;
        }
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            int version = node.has("schemaVersion") ? intField(node, "schemaVersion") : VERSION;
            if (version > VERSION) {
                newer++;
                return;
            }
            String kind = text(node, "kind");
            switch (kind) {
                case "exposure" -> exposures.add(exposure(node));
                case "event" -> events.add(event(node));
                default -> throw new IllegalArgumentException("unknown kind \"" + kind + "\"");
            }
        } catch (JsonProcessingException e) {
            reject(source, line, "not JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            reject(source, line, e.getMessage());
        }
    }

    public ExperimentLog log() {
        return new ExperimentLog(exposures, events, bad, badCount, newer);
    }

    private void reject(Path source, long line, String reason) {
        badCount++;
        if (bad.size() < ExperimentLog.MAX_BAD_LINES) {
            bad.add(new BadLine(source, line, reason));
        }
    }

    private static ExposureRecord exposure(JsonNode n) {
        JsonNode items = n.get("items");
        if (items == null || !items.isArray()) {
            throw new IllegalArgumentException("an exposure needs an items array");
        }
        List<Integer> ids = new ArrayList<>();
        for (JsonNode i : items) {
            if (!i.canConvertToInt() || !i.isIntegralNumber()) {
                throw new IllegalArgumentException("items must be integers, got " + i);
            }
            ids.add(i.intValue());
        }
        Map<String, String> experiments = new HashMap<>();
        JsonNode ex = n.get("experiments");
        if (ex != null && !ex.isNull()) {
            if (!ex.isObject()) {
                throw new IllegalArgumentException("experiments must be an object");
            }
            ex.fields()
                    .forEachRemaining(
                            e -> experiments.put(e.getKey(), e.getValue().asText()));
        }
        Optional<List<Double>> propensities = Optional.empty();
        JsonNode ps = n.get("propensities");
        if (ps != null && !ps.isNull()) {
            if (!ps.isArray()) {
                throw new IllegalArgumentException("propensities must be an array");
            }
            List<Double> list = new ArrayList<>();
            for (JsonNode p : ps) {
                if (!p.isNumber()) {
                    throw new IllegalArgumentException("propensities must be numbers, got " + p);
                }
                list.add(p.doubleValue());
            }
            propensities = Optional.of(list);
        }
        Optional<List<String>> teams = Optional.empty();
        JsonNode ts = n.get("teams");
        if (ts != null && !ts.isNull()) {
            if (!ts.isArray()) {
                throw new IllegalArgumentException("teams must be an array");
            }
            List<String> list = new ArrayList<>();
            ts.forEach(t -> list.add(t.asText()));
            teams = Optional.of(list);
        }
        return new ExposureRecord(
                intField(n, "userId"),
                longField(n, "loggedAt"),
                n.hasNonNull("variant") ? n.get("variant").asText() : "default",
                experiments,
                ids,
                optionalText(n, "policy"),
                propensities,
                teams,
                optionalText(n, "experimentType"));
    }

    private static EventRecord event(JsonNode n) {
        String type = text(n, "type");
        JsonNode value = n.get("value");
        double v = value != null && value.isNumber() ? value.doubleValue() : 1.0;
        long loggedAt = longField(n, "loggedAt");
        long timestamp = n.has("timestamp") ? longField(n, "timestamp") : loggedAt / 1000;
        return new EventRecord(intField(n, "userId"), loggedAt, type, intField(n, "itemId"), v, timestamp);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing text field " + field);
        }
        return v.asText();
    }

    private static Optional<String> optionalText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static int intField(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("missing integer field " + field);
        }
        return v.intValue();
    }

    private static long longField(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("missing integer field " + field);
        }
        return v.longValue();
    }

    private static boolean endsWithNewline(Path file) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            if (f.length() == 0) {
                return true;
            }
            f.seek(f.length() - 1);
            return f.read() == '\n';
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log " + file + ": " + e.getMessage(), e);
        }
    }
}
