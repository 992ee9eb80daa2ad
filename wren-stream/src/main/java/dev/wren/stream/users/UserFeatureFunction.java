package dev.wren.stream.users;

import dev.wren.core.features.Interaction;
import dev.wren.core.features.UserFeatureRules;
import dev.wren.stream.events.LogEvent;
import dev.wren.stream.samples.Labels;
import dev.wren.stream.samples.OpenExposure;
import dev.wren.stream.samples.Sample;
import dev.wren.stream.store.RowWrite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user's features and fresh samples, in event time. Records wait in state until the watermark passes their time and
 * are then taken in time order, whatever order they arrived in, one second at a time:
 *
 * <ol>
 *   <li>each exposure of that second is opened with the user's features from everything strictly before the second
 *       (point in time, as the offline samples' features are);
 *   <li>each rating or click of that second labels the user's open exposures of the item whose window it falls in: a
 *       positive by wren-core's rule ({@link UserFeatureRules#isPositive}) labels them 1 at once;
 *   <li>the second's ratings and clicks are added to the user's {@link UserHistory} (wren-core's rules, updated in
 *       place rather than recomputed).
 * </ol>
 *
 * Then exposures whose window has closed are labelled 0, and when anything was applied the user's row is written,
 * stamped with the event time it reflects. Applied events stay in Flink state, the source of truth from which a task
 * rebuilds a user's {@link UserHistory} after a restore; the histories themselves are a cache in the task's memory.
 */
public final class UserFeatureFunction extends KeyedProcessFunction<Integer, LogEvent, RowWrite> {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(UserFeatureFunction.class);

    /** The side output of labelled samples. */
    public static final OutputTag<Sample> SAMPLES = new OutputTag<>("samples", TypeInformation.of(Sample.class));

    /** Records of one second: exposures first (their features exclude the second), then events by item, stably. */
    private static final Comparator<LogEvent> ORDER = Comparator.comparingLong(LogEvent::timestamp)
            .thenComparing(e -> e.kind().isEvent())
            .thenComparingInt(e -> e.kind().isEvent() ? e.itemId() : 0);

    private final String dataDir;
    private final UserFeatureRules rules;
    private final int recentItems;
    private final long sessionGapSeconds;
    private final long labelWindowMillis;
    private transient BaseHistory base;
    private transient ListState<LogEvent> pending;
    private transient ListState<LogEvent> applied;
    private transient ListState<OpenExposure> open;
    private transient Map<Integer, UserHistory> histories;
    private transient Counter rebuilt;

    public UserFeatureFunction(
            String dataDir, UserFeatureRules rules, int recentItems, long sessionGapSeconds, long labelWindowMillis) {
        this.dataDir = dataDir;
        this.rules = rules;
        this.recentItems = recentItems;
        this.sessionGapSeconds = sessionGapSeconds;
        this.labelWindowMillis = labelWindowMillis;
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
        open = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("openExposures", TypeInformation.of(OpenExposure.class)));
        histories = new HashMap<>();
        rebuilt = getRuntimeContext().getMetricGroup().counter("historiesRecomputed");
    }

    @Override
    public void processElement(LogEvent event, Context ctx, Collector<RowWrite> out) throws Exception {
        pending.add(event);
        ctx.timerService().registerEventTimeTimer(event.eventTimeMillis());
        if (!event.kind().isEvent()) {
            ctx.timerService().registerEventTimeTimer(event.eventTimeMillis() + labelWindowMillis);
        }
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<RowWrite> out) throws Exception {
        int user = ctx.getCurrentKey();
        List<LogEvent> due = new ArrayList<>();
        List<LogEvent> later = new ArrayList<>();
        for (LogEvent e : pending.get()) {
            (e.eventTimeMillis() <= time ? due : later).add(e);
        }
        List<OpenExposure> exposures = new ArrayList<>();
        open.get().forEach(exposures::add);
        if (due.isEmpty() && exposures.isEmpty()) {
            return;
        }
        due.sort(ORDER); // stable: events of one item in one second stay in arrival order
        UserHistory history = due.isEmpty() ? null : history(user);
        boolean appliedAny = false;
        long[] loggedAt = new long[due.size()];
        int logged = 0;
        int i = 0;
        while (i < due.size()) {
            long second = due.get(i).timestamp();
            List<Interaction> group = new ArrayList<>();
            for (; i < due.size() && due.get(i).timestamp() == second; i++) {
                LogEvent e = due.get(i);
                if (!e.kind().isEvent()) {
                    exposures.add(Labels.open(
                            e.itemId(),
                            e.eventTimeMillis(),
                            e.position(),
                            e.eventTimeMillis() + labelWindowMillis,
                            history.profileBefore(second)));
                    continue;
                }
                Interaction interaction = e.interaction(base.item(e.itemId()));
                label(user, e, interaction, exposures, ctx);
                group.add(interaction);
                applied.add(e);
                if (e.loggedAt() > 0) {
                    loggedAt[logged++] = e.loggedAt();
                }
            }
            if (!group.isEmpty()) {
                long rebuildsBefore = history.rebuilds();
                history.addGroup(group);
                rebuilt.inc(history.rebuilds() - rebuildsBefore);
                appliedAny = true;
            }
        }
        pending.update(later);
        // A window that has not closed in event time when a bounded log ends (the watermark jumps to the end) is left
        // unlabelled, as a running job would leave it.
        if (ctx.timerService().currentWatermark() != Long.MAX_VALUE) {
            exposures.removeIf(x -> {
                if (x.deadline() > time) {
                    return false;
                }
                boolean rated = !Double.isNaN(x.rating());
                ctx.output(
                        SAMPLES,
                        Labels.sample(user, x, 0, rated ? Labels.RATING : Labels.NONE, x.rating(), x.deadline()));
                return true;
            });
        }
        open.update(exposures);
        if (appliedAny) {
            out.collect(RowWrite.user(
                    user, time, history.features(), history.positives(), Arrays.copyOf(loggedAt, logged)));
        }
    }

    /** Labels the open exposures of the event's item whose window the event falls in. */
    private void label(
            int user, LogEvent e, Interaction interaction, List<OpenExposure> exposures, OnTimerContext ctx) {
        boolean positive = rules.isPositive(interaction);
        for (int x = 0; x < exposures.size(); x++) {
            OpenExposure exposure = exposures.get(x);
            if (exposure.itemId() != e.itemId()
                    || e.timestamp() < exposure.second()
                    || e.eventTimeMillis() > exposure.deadline()) {
                continue;
            }
            if (positive) {
                String source = e.kind() == LogEvent.Kind.CLICK ? Labels.CLICK : Labels.RATING;
                double rating = e.kind() == LogEvent.Kind.RATING ? e.value() : Double.NaN;
                ctx.output(SAMPLES, Labels.sample(user, exposure, 1, source, rating, e.eventTimeMillis()));
                exposures.remove(x--);
            } else if (e.kind() == LogEvent.Kind.RATING) {
                exposures.set(x, exposure.withRating(e.value()));
            }
        }
    }

    /** The user's history from this task's memory, or rebuilt from the dataset and the applied events in state. */
    private UserHistory history(int user) throws Exception {
        UserHistory h = histories.get(user);
        if (h == null) {
            List<Interaction> all = new ArrayList<>(base.interactions(user));
            for (LogEvent e : applied.get()) {
                all.add(e.interaction(base.item(e.itemId())));
            }
            h = UserHistory.of(all, rules, recentItems, sessionGapSeconds);
            histories.put(user, h);
        }
        return h;
    }
}
