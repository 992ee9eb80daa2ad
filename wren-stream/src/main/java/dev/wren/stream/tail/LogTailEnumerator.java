package dev.wren.stream.tail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Hands the followed log's one split to the first reader that asks, and takes it back (at its last checkpointed
 * offset) when that reader fails. Runs in the enumerator's single thread.
 */
final class LogTailEnumerator implements SplitEnumerator<LogTailSplit, List<LogTailSplit>> {
    private final SplitEnumeratorContext<LogTailSplit> context;
    private final List<LogTailSplit> pending;
    private final Set<Integer> waiting = new LinkedHashSet<>();

    LogTailEnumerator(SplitEnumeratorContext<LogTailSplit> context, List<LogTailSplit> pending) {
        this.context = context;
        this.pending = new ArrayList<>(pending);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        waiting.add(subtaskId);
        assign();
    }

    @Override
    public void addSplitsBack(List<LogTailSplit> splits, int subtaskId) {
        pending.addAll(splits);
        assign();
    }

    /** Gives pending splits to waiting readers; a reader without one stays idle, as the log has one split. */
    private void assign() {
        waiting.retainAll(context.registeredReaders().keySet());
        var readers = waiting.iterator();
        while (readers.hasNext() && !pending.isEmpty()) {
            context.assignSplit(pending.remove(0), readers.next());
            readers.remove();
        }
    }

    @Override
    public void addReader(int subtaskId) {}

    @Override
    public List<LogTailSplit> snapshotState(long checkpointId) {
        return List.copyOf(pending);
    }

    @Override
    public void close() {}
}
