package dev.wren.stream.events;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event log as a {@link org.apache.flink.connector.file.src.FileSource} format: numbered lines, and a last line
 * without its {@code \n} (a write cut short by a crash) skipped, as the format asks. Not splittable: a restore skips
 * the lines already read, so line numbers stay right.
 */
public final class EventLogFormat extends SimpleStreamFormat<LogLine> {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(EventLogFormat.class);

    private final String file;

    /** @param file the log's path, for messages */
    public EventLogFormat(String file) {
        this.file = file;
    }

    @Override
    public Reader<LogLine> createReader(Configuration config, FSDataInputStream stream) {
        ReadableByteChannel channel = Channels.newChannel(stream);
        LineSplitter lines = new LineSplitter();
        return new Reader<>() {
            private long number;
            private boolean ended;

            @Override
            public LogLine read() throws IOException {
                while (!ended) {
                    String line = lines.next();
                    if (line != null) {
                        return new LogLine(file, ++number, line);
                    }
                    if (lines.fill(channel) < 0) {
                        ended = true;
                        if (lines.pending() > 0) {
                            log.warn(
                                    "{}:{}: skipped the last line: it has no newline (a write cut short?)",
                                    file,
                                    number + 1);
                        }
                    }
                }
                return null;
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    @Override
    public TypeInformation<LogLine> getProducedType() {
        return TypeInformation.of(LogLine.class);
    }
}
