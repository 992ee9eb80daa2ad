package dev.wren.stream.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where late events go: a warning in the log (the first few, then every 1000th) and, when a file is given, one JSON
 * line per late event appended to it. At least once: after a restore from a checkpoint, a late event may be written
 * twice.
 */
public final class LateEventSink implements Sink<LateEvent> {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(LateEventSink.class);

    private final String eventLog;
    private final String file; // empty: log only

    /**
     * @param eventLog the event log, for messages
     * @param file the file to append late events to, or empty to log them only
     */
    public LateEventSink(String eventLog, String file) {
        this.eventLog = eventLog;
        this.file = file;
    }

    @Override
    public SinkWriter<LateEvent> createWriter(WriterInitContext context) throws IOException {
        BufferedWriter out = null;
        if (!file.isEmpty()) {
            Path path = Path.of(file);
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            out = Files.newBufferedWriter(
                    path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return new Writer(out);
    }

    private final class Writer implements SinkWriter<LateEvent> {
        private final BufferedWriter out; // null: log only
        private final ObjectMapper json = new ObjectMapper();
        private long count;

        Writer(BufferedWriter out) {
            this.out = out;
        }

        @Override
        public void write(LateEvent late, Context context) throws IOException {
            count++;
            LogEvent e = late.event();
            if (count <= 20 || count % 1000 == 0) {
                log.warn(
                        "{}:{}: late event not applied (user {}, item {}, time {} s; the watermark was at {} ms);"
                                + " {} late so far",
                        eventLog,
                        e.line(),
                        e.userId(),
                        e.itemId(),
                        e.timestamp(),
                        late.watermark(),
                        count);
            }
            if (out != null) {
                ObjectNode n = json.createObjectNode();
                n.put("line", e.line());
                n.put("type", e.kind().name().toLowerCase(Locale.ROOT));
                n.put("userId", e.userId());
                n.put("itemId", e.itemId());
                n.put("value", e.value());
                n.put("timestamp", e.timestamp());
                n.put("watermark", late.watermark());
                out.write(json.writeValueAsString(n));
                out.write('\n');
            }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            if (out != null) {
                out.flush();
            }
        }

        @Override
        public void close() {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot close the late events file " + file, e);
                }
            }
        }
    }
}
