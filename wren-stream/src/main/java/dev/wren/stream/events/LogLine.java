package dev.wren.stream.events;

/**
 * One complete record of the event log, as the sources read it.
 *
 * @param source where it came from, for messages: the log file's path, or a Kafka topic and partition ({@code
 *     wren.events/2})
 * @param number the line number from 1 in a file, the offset in a Kafka partition
 * @param text the record without its {@code \n}
 */
public record LogLine(String source, long number, String text) {
    /** Where this record is, as messages name it: {@code events.jsonl:315} or {@code wren.events/2:315}. */
    public String where() {
        return source + ":" + number;
    }
}
