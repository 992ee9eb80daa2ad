package dev.wren.stream.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one line of the serving event log (the format is wren-serving's EVENT_LOG.md). This is the only class of the
 * module that knows the format, so a new format version changes it alone. A record without {@code schemaVersion} is
 * version 1; a record of a newer version than {@link #SCHEMA_VERSION} is skipped, as the format asks of readers. Fields
 * this reader does not know are ignored. Thread-safe.
 */
public final class EventLogParser {
    /** The newest record format this reader understands. */
    public static final int SCHEMA_VERSION = 1;

    private static final long MAX_TIMESTAMP = Long.MAX_VALUE / 1000; // event time is in milliseconds

    private final ObjectMapper json = new ObjectMapper();

    /** What a line holds. */
    public sealed interface Result permits Parsed, Newer, Bad {}

    /** A user event, or the items of an exposure in the order shown. */
    public record Parsed(List<LogEvent> events) implements Result {
        public Parsed {
            events = List.copyOf(events);
        }

        /** The one event of an event record. */
        public static Parsed of(LogEvent event) {
            return new Parsed(List.of(event));
        }
    }

    /** A record of a format version newer than this reader's, skipped. */
    public record Newer(int version) implements Result {}

    /** A line that is not a valid record, with what is wrong with it. */
    public record Bad(String reason) implements Result {}

    public Result parse(LogLine line) {
        JsonNode n;
        try {
            n = json.readTree(line.text());
        } catch (JsonProcessingException e) {
            return new Bad("not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            return new Bad("not a JSON object");
        }
        JsonNode version = n.get("schemaVersion");
        if (version != null) {
            if (!version.canConvertToInt() || !version.isIntegralNumber() || version.asInt() < 1) {
                return new Bad("'schemaVersion' must be a positive integer, got " + version);
            }
            if (version.asInt() > SCHEMA_VERSION) {
                return new Newer(version.asInt());
            }
        }
        JsonNode kind = n.get("kind");
        if (kind == null || !kind.isTextual()) {
            return new Bad("missing 'kind' (event or exposure)");
        }
        return switch (kind.asText()) {
            case "exposure" -> exposure(n, line.number());
            case "event" -> event(n, line.number());
            default -> new Bad("unknown kind '" + kind.asText() + "'; expected event or exposure");
        };
    }

    private static Result event(JsonNode n, long line) {
        JsonNode type = n.get("type");
        if (type == null || !type.isTextual()) {
            return new Bad("missing 'type' (rating or click)");
        }
        LogEvent.Kind t;
        switch (type.asText().toLowerCase(Locale.ROOT)) {
            case "rating" -> t = LogEvent.Kind.RATING;
            case "click" -> t = LogEvent.Kind.CLICK;
            default -> {
                return new Bad("unknown type '" + type.asText() + "'; expected rating or click");
            }
        }
        JsonNode user = n.get("userId");
        if (!isUser(user)) {
            return new Bad("'userId' must be a non-negative integer, got " + user);
        }
        JsonNode item = n.get("itemId");
        if (item == null || !item.isIntegralNumber() || !item.canConvertToInt()) {
            return new Bad("'itemId' must be an integer, got " + item);
        }
        JsonNode value = n.get("value");
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
            return new Bad("'value' must be a finite number, got " + value);
        }
        JsonNode ts = n.get("timestamp");
        if (ts == null
                || !ts.isIntegralNumber()
                || !ts.canConvertToLong()
                || ts.asLong() < 0
                || ts.asLong() > MAX_TIMESTAMP) {
            return new Bad("'timestamp' must be seconds since the epoch, got " + ts);
        }
        JsonNode logged = n.get("loggedAt");
        long loggedAt = logged != null && logged.isIntegralNumber() && logged.canConvertToLong() ? logged.asLong() : 0;
        return Parsed.of(LogEvent.event(user.asInt(), item.asInt(), t, value.asDouble(), ts.asLong(), line, loggedAt));
    }

    /** One exposure per item shown, at the time the server logged the list, with its place in the list. */
    private static Result exposure(JsonNode n, long line) {
        JsonNode user = n.get("userId");
        if (!isUser(user)) {
            return new Bad("'userId' must be a non-negative integer, got " + user);
        }
        JsonNode at = n.get("loggedAt");
        if (at == null || !at.isIntegralNumber() || !at.canConvertToLong() || at.asLong() < 0) {
            return new Bad("'loggedAt' must be milliseconds since the epoch, got " + at);
        }
        JsonNode items = n.get("items");
        if (items == null || !items.isArray()) {
            return new Bad("'items' must be an array of item ids, got " + items);
        }
        List<LogEvent> shown = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isIntegralNumber() || !item.canConvertToInt()) {
                return new Bad("'items' must be an array of item ids, got " + item + " at " + i);
            }
            shown.add(new LogEvent(
                    user.asInt(), item.asInt(), LogEvent.Kind.EXPOSURE, 0, at.asLong(), i, line, at.asLong()));
        }
        return new Parsed(shown);
    }

    private static boolean isUser(JsonNode user) {
        return user != null && user.isIntegralNumber() && user.canConvertToInt() && user.asInt() >= 0;
    }
}
