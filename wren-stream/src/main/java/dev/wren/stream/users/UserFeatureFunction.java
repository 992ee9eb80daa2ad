package dev.wren.stream.users;

import dev.wren.core.features.Interaction;
import dev.wren.core.features.UserFeatureRules;
import dev.wren.core.features.UserProfile;
import dev.wren.core.features.UserRows;
import dev.wren.core.store.Features;
import dev.wren.stream.events.LogEvent;
import dev.wren.stream.store.RowWrite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user's features, kept fresh in event time. Events wait in state until the watermark passes their time, and are then
 * applied in time order whatever order they arrived in; each time the watermark passes a second with events the user's
 * row is recomputed from the whole history (the dataset's ratings, then every applied event) by wren-core's rules
 * ({@link UserRows#TIME_ORDER}, {@link UserProfile}, the positives for {@link dev.wren.core.features.UserEmbedding})
 * plus the near-line {@link RecentActivity}, exactly as serving's real-time updater computes it. The row is stamped
 * with the event time it reflects.
 */
public final class UserFeatureFunction extends KeyedProcessFunction<Integer, LogEvent, RowWrite> {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(UserFeatureFunction.class);

    private final String dataDir;
    private final UserFeatureRules rules;
    private final int recentItems;
    private final long sessionGapSeconds;
    private transient BaseHistory base;
    private transient ListState<LogEvent> pending;
    private transient ListState<LogEvent> applied;

    public UserFeatureFunction(String dataDir, UserFeatureRules rules, int recentItems, long sessionGapSeconds) {
        this.dataDir = dataDir;
        this.rules = rules;
        this.recentItems = recentItems;
        this.sessionGapSeconds = sessionGapSeconds;
    }

    @Override
    public void open(OpenContext context) {
        var task = getRuntimeContext().getTaskInfo();
        int subtask = task.getIndexOfThisSubtask();
        int parallelism = task.getNumberOfParallelSubtasks();
        int maxParallelism = task.getMaxNumberOfParallelSubtasks();
        // Only the users this task owns: each task holds its share of the ratings, not all of them.
        base = BaseHistory.read(
                Path.of(dataDir),
                user -> KeyGroupRangeAssignment.assignKeyToParallelOperator(user, maxParallelism, parallelism)
                        == subtask);
        log.info(
                "User features task {}/{}: {} users' ratings from {}",
                subtask + 1,
                parallelism,
                base.userCount(),
                dataDir);
        TypeInformation<LogEvent> type = TypeInformation.of(LogEvent.class);
        pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending", type));
        applied = getRuntimeContext().getListState(new ListStateDescriptor<>("applied", type));
    }

    @Override
    public void processElement(LogEvent event, Context ctx, Collector<RowWrite> out) throws Exception {
        pending.add(event);
        ctx.timerService().registerEventTimeTimer(event.eventTimeMillis());
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<RowWrite> out) throws Exception {
        List<LogEvent> due = new ArrayList<>();
        List<LogEvent> later = new ArrayList<>();
        for (LogEvent e : pending.get()) {
            (e.eventTimeMillis() <= time ? due : later).add(e);
        }
        if (due.isEmpty()) {
            return;
        }
        pending.update(later);
        applied.addAll(due);
        int user = ctx.getCurrentKey();
        List<Interaction> history = new ArrayList<>(base.interactions(user));
        for (LogEvent e : applied.get()) {
            history.add(e.interaction(base.item(e.itemId())));
        }
        history.sort(UserRows.TIME_ORDER); // stable: ratings before events, events in log order, when equal
        Features row = UserProfile.of(history, rules)
                .features()
                .mergedWith(RecentActivity.of(history, recentItems, sessionGapSeconds));
        out.collect(RowWrite.user(user, time, row, UserRows.positives(history, rules)));
    }
}
