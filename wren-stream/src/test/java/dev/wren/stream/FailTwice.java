package dev.wren.stream;

import dev.wren.stream.events.LogEvent;
import org.apache.flink.api.common.accumulators.IntMinimum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * A pass-through operator that makes the job fail twice, for real: in the first attempt at the first record from line
 * {@code first} on, and in the second attempt at the first record from line {@code second} on, each only once a
 * checkpoint of that attempt has completed, so that each restart resumes from a checkpoint rather than from the start.
 * It sleeps a little per record so that checkpoints happen while the log is being read. Reports, for the attempt that
 * finished, the first line it saw ({@code firstLine}); the job's {@code attempt} accumulator
 * ({@link dev.wren.stream.events.SplitLateEvents#ATTEMPT}) gives the attempt's number.
 */
final class FailTwice extends RichMapFunction<LogEvent, LogEvent> implements CheckpointListener {
    private static final long serialVersionUID = 1L;

    private final long first;
    private final long second;
    private transient int attempt;
    private transient volatile boolean checkpointed;
    private transient IntMinimum firstLine;

    FailTwice(long first, long second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public void open(OpenContext context) {
        attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
        firstLine = new IntMinimum();
        getRuntimeContext().addAccumulator("firstLine", firstLine);
    }

    @Override
    public LogEvent map(LogEvent e) throws Exception {
        firstLine.add((int) e.line());
        long failAt = attempt == 0 ? first : attempt == 1 ? second : Long.MAX_VALUE;
        if (checkpointed && e.line() >= failAt) {
            throw new IllegalStateException("injected failure " + (attempt + 1) + " at line " + e.line());
        }
        Thread.sleep(2);
        return e;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointed = true;
    }
}
