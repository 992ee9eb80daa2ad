package dev.wren.stream.kafka;

import dev.wren.stream.events.LogLine;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A Kafka record of serving's as a log line: its value is the same JSON text as a line of the file (wren-serving's
 * EVENT_LOG.md), its topic and partition name the source and its offset the line number, so a bad record is reported
 * as {@code wren.events/2:315}. A record without a value (a tombstone) becomes an empty line, which the parser reports.
 */
public final class KafkaLines implements KafkaRecordDeserializationSchema<LogLine> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<LogLine> out) {
        String text = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        out.collect(new LogLine(record.topic() + "/" + record.partition(), record.offset(), text));
    }

    @Override
    public TypeInformation<LogLine> getProducedType() {
        return TypeInformation.of(LogLine.class);
    }
}
