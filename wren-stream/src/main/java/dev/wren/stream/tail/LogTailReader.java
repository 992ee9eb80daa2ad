package dev.wren.stream.tail;

import dev.wren.stream.events.LineSplitter;
import dev.wren.stream.events.LogLine;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the followed log from its checkpointed offset, one complete line per call, and when it has caught up looks
 * again every poll interval. A last line without its {@code \n} is still being written: it is held back until complete.
 * Runs in the task's thread; only the poll timer's own thread completes the availability future.
 */
final class LogTailReader implements SourceReader<LogLine, LogTailSplit> {
    private static final Logger log = LoggerFactory.getLogger(LogTailReader.class);

    private final SourceReaderContext context;
    private final long pollMillis;
    private final ScheduledExecutorService timer;
    private CompletableFuture<Void> available = new CompletableFuture<>();
    private LogTailSplit split; // null until assigned
    private FileChannel channel; // null until the file exists
    private LineSplitter lines;
    private long lineNumber;
    private boolean warnedMissing;

    LogTailReader(SourceReaderContext context, long pollMillis) {
        this.context = context;
        this.pollMillis = pollMillis;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "event-log-poll");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void start() {
        context.sendSplitRequest();
    }

    @Override
    public void addSplits(List<LogTailSplit> splits) {
        if (split != null || splits.size() != 1) {
            throw new IllegalStateException("a followed event log has exactly one split, got " + splits);
        }
        split = splits.get(0);
        lineNumber = split.lines();
        lines = new LineSplitter();
        available.complete(null);
    }

    @Override
    public InputStatus pollNext(ReaderOutput<LogLine> output) throws IOException {
        if (split == null) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        if (channel == null && !open()) {
            return waitAndPoll();
        }
        String line = lines.next();
        if (line == null && lines.fill(channel) > 0) {
            line = lines.next();
            if (line == null) {
                return InputStatus.MORE_AVAILABLE; // part of a long line: read on
            }
        }
        if (line != null) {
            output.collect(new LogLine(split.path(), ++lineNumber, line));
            return InputStatus.MORE_AVAILABLE;
        }
        if (channel.size() < offset()) {
            throw new IOException("the event log " + split.path() + " shrank below the " + offset()
                    + " bytes already read; the log is append-only, so it was replaced: start again without the"
                    + " checkpoint");
        }
        return waitAndPoll();
    }

    private boolean open() throws IOException {
        Path path = Path.of(split.path());
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            if (!warnedMissing) {
                log.info("Waiting for the event log {} to appear", path);
                warnedMissing = true;
            }
            return false;
        }
        if (Files.size(path) < split.offset()) {
            throw new IOException("the event log " + path + " is shorter than the " + split.offset()
                    + " bytes the checkpoint says were read; was it replaced?");
        }
        channel.position(split.offset());
        log.info("Following the event log {} from byte {} (line {})", path, split.offset(), split.lines() + 1);
        return true;
    }

    private long offset() {
        return split.offset() + lines.consumed();
    }

    private InputStatus waitAndPoll() {
        CompletableFuture<Void> next = new CompletableFuture<>();
        available = next;
        timer.schedule(() -> next.complete(null), pollMillis, TimeUnit.MILLISECONDS);
        return InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return available;
    }

    @Override
    public List<LogTailSplit> snapshotState(long checkpointId) {
        return split == null ? List.of() : List.of(new LogTailSplit(split.path(), offset(), lineNumber));
    }

    @Override
    public void notifyNoMoreSplits() {}

    @Override
    public void close() throws IOException {
        timer.shutdownNow();
        if (channel != null) {
            channel.close();
        }
    }
}
