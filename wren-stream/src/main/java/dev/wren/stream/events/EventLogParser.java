package dev.wren.stream.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.core.recommend.Event;
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
    public sealed interface Result permits Parsed, Ignored, Newer, Bad {}

    /** A user event. */
    public record Parsed(LogEvent event) implements Result {}

    /** A well-formed record that carries no user event (an exposure). */
    public record Ignored() implements Result {}

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
            case "exposure" -> new Ignored();
            case "event" -> event(n, line.number());
            default -> new Bad("unknown kind '" + kind.asText() + "'; expected event or exposure");
        };
    }

    private static Result event(JsonNode n, long line) {
        JsonNode type = n.get("type");
        if (type == null || !type.isTextual()) {
            return new Bad("missing 'type' (rating or click)");
        }
        Event.Type t;
        switch (type.asText().toLowerCase(Locale.ROOT)) {
            case "rating" -> t = Event.Type.RATING;
            case "click" -> t = Event.Type.CLICK;
            default -> {
                return new Bad("unknown type '" + type.asText() + "'; expected rating or click");
            }
        }
        JsonNode user = n.get("userId");
        if (user == null || !user.isIntegralNumber() || !user.canConvertToInt() || user.asInt() < 0) {
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
        return new Parsed(new LogEvent(user.asInt(), item.asInt(), t, value.asDouble(), ts.asLong(), line));
    }
}
