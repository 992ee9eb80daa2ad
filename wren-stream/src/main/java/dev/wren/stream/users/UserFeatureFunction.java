package dev.wren.stream.users;

import dev.wren.core.features.Interaction;
import dev.wren.core.features.UserFeatureRules;
import dev.wren.core.features.UserProfile;
import dev.wren.stream.events.LogEvent;
import dev.wren.stream.samples.Labels;
import dev.wren.stream.samples.OpenExposure;
import dev.wren.stream.samples.Sample;
import dev.wren.stream.store.RowWrite;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * A user's features and fresh samples. The features follow each event as it arrives, not the watermark: an on-time
 * event is added at its place in the user's {@link UserHistory} (in event time, whatever order it arrived in) and the
 * row is written at once, so a row is the function of the set of events applied so far that a batch computation in
 * event time would give, and a replay or any arrival order within the out-of-orderness ends in the same row. The row's
 * stream time is a version that grows with that set ({@link RowWrite#user}).
 *
 * <p>The samples stay in event time: records also wait in state until the watermark passes their time and are then
 * taken in time order (to the millisecond; an exposure before an event of the same time), so that how the watermark
 * happened to advance does not change them:
 *
 * <ol>
 *   <li>an exposure is opened with the user's features from everything strictly before its second (point in time, as
 *       the offline samples' features are);
 *   <li>a rating or click labels the user's open exposures of the item whose window it falls in (from the exposure's
 *       time to the end of its label window): a positive by wren-core's rule ({@link UserFeatureRules#isPositive})
 *       labels them 1 at once.
 * </ol>
 *
 * Then exposures whose window has closed are labelled 0. Applied events stay in Flink state, the source of truth from
 * which a task rebuilds a user's {@link UserHistory} after a restore; the histories themselves are a cache in the
 * task's memory.
 */
public final class UserFeatureFunction extends KeyedProcessFunction<Integer, LogEvent, RowWrite> {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(UserFeatureFunction.class);

    /** The side output of labelled samples. */
    public static final OutputTag<Sample> SAMPLES = new OutputTag<>("samples", TypeInformation.of(Sample.class));

    /** Records in time order, an exposure before an event of the same time; ties in a fixed order of their content. */
    private static final Comparator<LogEvent> ORDER = Comparator.comparingLong(LogEvent::eventTimeMillis)
            .thenComparing(e -> e.kind().isEvent())
            .thenComparingInt(LogEvent::itemId)
            .thenComparingLong(LogEvent::loggedAt)
            .thenComparingDouble(LogEvent::value)
            .thenComparing(LogEvent::kind)
            .thenComparingInt(LogEvent::position);

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
        if (event.kind().isEvent()) {
            int user = ctx.getCurrentKey();
            UserHistory history = history(user);
            long rebuildsBefore = history.rebuilds();
            history.add(timed(event));
            rebuilt.inc(history.rebuilds() - rebuildsBefore);
            applied.add(event);
            out.collect(RowWrite.user(
                    user,
                    history.newestEventMillis(),
                    history.events(),
                    history.features(),
                    history.positives(),
                    event.loggedAt() > 0 ? new long[] {event.loggedAt()} : new long[0]));
        }
        // Samples wait for the watermark: an exposure's features and labels are those of event time.
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
        if (exposures.isEmpty() && due.stream().allMatch(e -> e.kind().isEvent())) {
            pending.update(later); // nothing shown to label
            return;
        }
        due.sort(ORDER);
        Map<Long, UserProfile> asOf = new HashMap<>();
        for (LogEvent e : due) {
            if (e.kind().isEvent()) {
                label(user, e, e.interaction(base.item(e.itemId())), exposures, ctx);
            } else {
                UserProfile before = asOf.get(e.timestamp());
                if (before == null) {
                    before = history(user).profileBefore(e.timestamp());
                    asOf.put(e.timestamp(), before);
                }
                exposures.add(Labels.open(
                        e.itemId(),
                        e.eventTimeMillis(),
                        e.position(),
                        e.eventTimeMillis() + labelWindowMillis,
                        before));
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
    }

    /** Labels the open exposures of the event's item whose window the event falls in. */
    private void label(
            int user, LogEvent e, Interaction interaction, List<OpenExposure> exposures, OnTimerContext ctx) {
        boolean positive = rules.isPositive(interaction);
        for (int x = 0; x < exposures.size(); x++) {
            OpenExposure exposure = exposures.get(x);
            if (exposure.itemId() != e.itemId()
                    || e.eventTimeMillis() < exposure.exposedAt()
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
            List<UserHistory.Timed> events = new ArrayList<>();
            for (LogEvent e : applied.get()) {
                events.add(timed(e));
            }
            h = UserHistory.of(base.interactions(user), events, rules, recentItems, sessionGapSeconds);
            histories.put(user, h);
        }
        return h;
    }

    private UserHistory.Timed timed(LogEvent e) {
        return UserHistory.Timed.event(e.interaction(base.item(e.itemId())), e.eventTimeMillis(), e.loggedAt());
    }
}
