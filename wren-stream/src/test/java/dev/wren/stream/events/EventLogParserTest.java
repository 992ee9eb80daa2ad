package dev.wren.stream.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventLogParserTest {
    private final EventLogParser parser = new EventLogParser();

    private EventLogParser.Result parse(String text) {
        return parser.parse(new LogLine("events.jsonl", 12, text));
    }

    @Test
    void readsARatingWithItsLine() {
        assertThat(parse("{\"kind\":\"event\",\"schemaVersion\":1,\"loggedAt\":1764140000123,\"type\":\"rating\","
                        + "\"userId\":11,\"itemId\":318,\"value\":5.0,\"timestamp\":1764140000}"))
                .isEqualTo(EventLogParser.Parsed.of(
                        LogEvent.event(11, 318, LogEvent.Kind.RATING, 5.0, 1764140000L, 12, 1764140000123L)));
    }

    @Test
    void readsAClickWrittenBeforeTheFormatHadAVersion() {
        assertThat(parse("{\"kind\":\"event\",\"loggedAt\":1,\"type\":\"click\",\"userId\":3,\"itemId\":7,"
                        + "\"value\":1.0,\"timestamp\":100}"))
                .isEqualTo(EventLogParser.Parsed.of(LogEvent.event(3, 7, LogEvent.Kind.CLICK, 1.0, 100, 12, 1)));
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        assertThat(parse("{\"kind\":\"event\",\"type\":\"click\",\"userId\":3,\"itemId\":7,\"value\":1,"
                        + "\"timestamp\":100,\"source\":\"kafka\",\"partition\":4}"))
                .isInstanceOf(EventLogParser.Parsed.class);
    }

    @Test
    void readsAnExposureAsOneRecordPerItemShownAtItsLoggedTime() {
        assertThat(parse("{\"kind\":\"exposure\",\"loggedAt\":1764140000456,\"userId\":11,\"variant\":\"default\","
                        + "\"items\":[318,7]}"))
                .isEqualTo(new EventLogParser.Parsed(List.of(
                        new LogEvent(11, 318, LogEvent.Kind.EXPOSURE, 0, 1764140000456L, 0, 12, 1764140000456L),
                        new LogEvent(11, 7, LogEvent.Kind.EXPOSURE, 0, 1764140000456L, 1, 12, 1764140000456L))));
    }

    @Test
    void refusesAnExposureWithoutItsItems() {
        assertThat(parse("{\"kind\":\"exposure\",\"loggedAt\":1,\"userId\":11,\"items\":[\"a\"]}"))
                .isInstanceOf(EventLogParser.Bad.class);
        assertThat(parse("{\"kind\":\"exposure\",\"userId\":11,\"items\":[1]}")).isInstanceOf(EventLogParser.Bad.class);
    }

    @Test
    void skipsRecordsOfANewerFormat() {
        assertThat(parse("{\"kind\":\"event\",\"schemaVersion\":2,\"whatever\":true}"))
                .isEqualTo(new EventLogParser.Newer(2));
    }

    @Test
    void saysWhatIsWrongWithABadLine() {
        assertThat(parse("{\"kind\":\"event\",\"type\":\"rating\",\"userId\":1,\"itemId\":2"))
                .isInstanceOf(EventLogParser.Bad.class);
        assertThat(parse("[1,2]")).isEqualTo(new EventLogParser.Bad("not a JSON object"));
        assertThat(parse("{\"type\":\"rating\"}"))
                .isEqualTo(new EventLogParser.Bad("missing 'kind' (event or exposure)"));
        assertThat(parse("{\"kind\":\"purchase\"}"))
                .isEqualTo(new EventLogParser.Bad("unknown kind 'purchase'; expected event or exposure"));
        assertThat(parse("{\"kind\":\"event\",\"type\":\"like\"}"))
                .isEqualTo(new EventLogParser.Bad("unknown type 'like'; expected rating or click"));
        assertThat(parse("{\"kind\":\"event\",\"type\":\"rating\",\"userId\":-1}"))
                .isEqualTo(new EventLogParser.Bad("'userId' must be a non-negative integer, got -1"));
        assertThat(parse("{\"kind\":\"event\",\"type\":\"rating\",\"userId\":1,\"itemId\":2,\"value\":\"5\"}"))
                .isEqualTo(new EventLogParser.Bad("'value' must be a finite number, got \"5\""));
        assertThat(parse("{\"kind\":\"event\",\"type\":\"rating\",\"userId\":1,\"itemId\":2,\"value\":5,"
                        + "\"timestamp\":1.5}"))
                .isEqualTo(new EventLogParser.Bad("'timestamp' must be seconds since the epoch, got 1.5"));
        assertThat(parse("{\"kind\":\"event\",\"schemaVersion\":\"one\"}"))
                .isEqualTo(new EventLogParser.Bad("'schemaVersion' must be a positive integer, got \"one\""));
    }
}
