package dev.wren.stream.tail;

import dev.wren.stream.events.LogLine;
import java.util.List;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The event log followed as it grows: numbered lines from the start (or from a checkpoint's offset), then each line as
 * it is appended, for ever. Flink's {@code FileSource} cannot do this: its continuous mode watches a folder for new
 * files and reads each file once, so lines appended to a file it has read are never seen. One split, one reader.
 */
public final class LogTailSource implements Source<LogLine, LogTailSplit, List<LogTailSplit>> {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final long pollMillis;

    /**
     * @param path the log file; it may not exist yet
     * @param pollMillis how long to wait before looking again once every line has been read
     */
    public LogTailSource(String path, long pollMillis) {
        if (pollMillis < 1) {
            throw new IllegalArgumentException("the poll interval must be at least 1 ms");
        }
        this.path = path;
        this.pollMillis = pollMillis;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<LogLine, LogTailSplit> createReader(SourceReaderContext context) {
        return new LogTailReader(context, pollMillis);
    }

    @Override
    public SplitEnumerator<LogTailSplit, List<LogTailSplit>> createEnumerator(
            SplitEnumeratorContext<LogTailSplit> context) {
        return new LogTailEnumerator(context, List.of(new LogTailSplit(path, 0, 0)));
    }

    @Override
    public SplitEnumerator<LogTailSplit, List<LogTailSplit>> restoreEnumerator(
            SplitEnumeratorContext<LogTailSplit> context, List<LogTailSplit> checkpoint) {
        return new LogTailEnumerator(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<LogTailSplit> getSplitSerializer() {
        return new LogTailSerializers.Split();
    }

    @Override
    public SimpleVersionedSerializer<List<LogTailSplit>> getEnumeratorCheckpointSerializer() {
        return new LogTailSerializers.Pending();
    }
}
