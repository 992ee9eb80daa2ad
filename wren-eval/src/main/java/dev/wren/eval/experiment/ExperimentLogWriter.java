package dev.wren.eval.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes records in the serving log format (schemaVersion 1, one JSON object per line, time order), the optional
 * exposure fields only when present. Used by the simulator so its logs read exactly like a server's. Stateless.
 */
public final class ExperimentLogWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExperimentLogWriter() {}

    public static void write(ExperimentLog log, Path file) {
        List<Map.Entry<Long, ObjectNode>> lines = new ArrayList<>();
        log.exposures().forEach(x -> lines.add(Map.entry(x.loggedAt(), node(x))));
        log.events().forEach(e -> lines.add(Map.entry(e.loggedAt(), node(e))));
        lines.sort(Comparator.comparingLong(Map.Entry::getKey));
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (Map.Entry<Long, ObjectNode> line : lines) {
                    out.write(JSON.writeValueAsString(line.getValue()));
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode node(ExposureRecord x) {
        ObjectNode n = header("exposure", x.loggedAt(), x.userId());
        n.put("variant", x.variant());
        ObjectNode ex = n.putObject("experiments");
        x.experiments().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> ex.put(e.getKey(), e.getValue()));
        ArrayNode items = n.putArray("items");
        x.items().forEach(items::add);
        x.policy().ifPresent(p -> n.put("policy", p));
        x.propensities().ifPresent(ps -> {
            ArrayNode a = n.putArray("propensities");
            ps.forEach(a::add);
        });
        x.teams().ifPresent(ts -> {
            ArrayNode a = n.putArray("teams");
            ts.forEach(a::add);
        });
        x.experimentType().ifPresent(t -> n.put("experimentType", t));
        return n;
    }

    static ObjectNode node(EventRecord e) {
        ObjectNode n = header("event", e.loggedAt(), e.userId());
        n.put("type", e.type());
        n.put("itemId", e.itemId());
        n.put("value", e.value());
        n.put("timestamp", e.timestamp());
        return n;
    }

    private static ObjectNode header(String kind, long loggedAt, int userId) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", kind);
        n.put("schemaVersion", 1);
        n.put("loggedAt", loggedAt);
        n.put("userId", userId);
        return n;
    }
}
