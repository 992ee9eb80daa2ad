package dev.wren.stream.events;

import org.apache.flink.api.common.eventtime.TimestampAssigner;

/**
 * The event time of a raw record, for sources that make watermarks themselves (Kafka, per partition): an event's
 * {@code timestamp}, an exposure's {@code loggedAt}, read with the same {@link EventLogParser} as the records
 * themselves. A record that does not parse gets {@link Long#MIN_VALUE}, which never moves a watermark; the parser
 * reports it downstream. Not thread-safe: one per source task.
 */
public final class LineTimes implements TimestampAssigner<LogLine> {
    private final EventLogParser parser = new EventLogParser();

    @Override
    public long extractTimestamp(LogLine line, long recordTimestamp) {
        return parser.parse(line) instanceof EventLogParser.Parsed p
                        && !p.events().isEmpty()
                ? p.events().get(0).eventTimeMillis()
                : Long.MIN_VALUE;
    }
}
