package dev.wren.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.recommend.Event;
import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import dev.wren.stream.EventLogFile.Shown;
import dev.wren.stream.events.SplitLateEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream job on a Flink MiniCluster (one for the whole class), reading a small event log bounded into the embedded
 * store, checked against a batch reference computed from the same events with wren-core's rules.
 */
class StreamJobTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    Path tmp;

    StreamFixture fixture;

    @BeforeEach
    void publishAnOfflineSnapshot() throws Exception {
        fixture = new StreamFixture(tmp, "embedded:" + tmp.resolve("store"));
    }

    @Test
    void storeAndSamplesHoldWhatABatchComputationOfTheSameLogGives() throws Exception {
        List<Event> events = EventLogFile.events(1, 300, 12, 600, 3);
        List<Shown> shown = new ArrayList<>();
        List<String> lines = EventLogFile.withExposures(events, 5, shown);
        for (int i = 0; i < lines.size(); i += 10) {
            lines.set(
                    i, lines.get(i).replace("\"schemaVersion\":1,", "")); // old records without a version read the same
        }
        // An item outside the catalogue is skipped, as serving's own replay skips it.
        lines.add(EventLogFile.line(new Event(3, 999, Event.Type.RATING, 5, EventLogFile.START + 100)));
        lines.add(EventLogFile.line(events.get(5)).replace("\"schemaVersion\":1", "\"schemaVersion\":2"));
        lines.add("{\"kind\":\"event\",\"type\":\"rating\",\"userId\":\"seven\"}"); // bad: skipped with a warning
        Path log = tmp.resolve("events.jsonl");
        EventLogFile.write(log, lines);
        // A last line cut short by a crash (no newline) is not applied.
        Files.writeString(
                log, "{\"kind\":\"event\",\"type\":\"rating\",\"userId\":1,\"itemId\":2", StandardOpenOption.APPEND);
        Path samples = tmp.resolve("samples");

        JobExecutionResult result = StreamFixture.run(fixture.config(log).withSamples(Optional.of(samples)));

        assertThat(result.<Long>getAccumulatorResult(SplitLateEvents.LATE_EVENTS))
                .isZero();
        assertThat(result.<Long>getAccumulatorResult(SplitLateEvents.LATE_EXPOSURES))
                .isZero();
        assertThat(result.<Long>getAccumulatorResult(SplitLateEvents.EVENTS)).isEqualTo(events.size());
        assertThat(result.<Long>getAccumulatorResult(SplitLateEvents.EXPOSURES)).isEqualTo(3L * shown.size());
        long newest = StreamFixture.newest(events, shown);
        StreamFixture.assertVaried(fixture.assertStoreMatchesReference(events, shown, newest, false), true);
        fixture.assertSamplesMatchReference(samples, events, shown, newest);
    }

    @Test
    void afterTwoFailuresMidStreamTheStoreAndSamplesAreExactlyTheReferences() throws Exception {
        List<Event> events = EventLogFile.events(8, 240, 10, 480, 3);
        List<Shown> shown = new ArrayList<>();
        Path log = tmp.resolve("events.jsonl");
        EventLogFile.write(log, EventLogFile.withExposures(events, 9, shown));
        Path samples = tmp.resolve("samples");
        StreamConfig config = fixture.config(log)
                .withSamples(Optional.of(samples))
                .withCheckpoints(Duration.ofMillis(100), Optional.of(tmp.resolve("checkpoints")));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                StreamJob.flinkConfiguration(config, Optional.empty()));
        StreamJob.define(env, config, records -> records.map(new FailTwice(80, 200))
                .name("fail twice")
                .setParallelism(1));

        JobExecutionResult result = StreamFixture.execute(env);

        assertThat(result.<Integer>getAccumulatorResult(SplitLateEvents.ATTEMPT))
                .as("restarts")
                .isEqualTo(2);
        assertThat(result.<Integer>getAccumulatorResult("firstLine"))
                .as("the last attempt resumed from a checkpoint, past the first failure")
                .isGreaterThan(80);
        long newest = StreamFixture.newest(events, shown);
        StreamFixture.assertVaried(fixture.assertStoreMatchesReference(events, shown, newest, false), true);
        fixture.assertSamplesMatchReference(samples, events, shown, newest);
    }

    @Test
    void lateEventsAreCountedAndSetAsideNotApplied() throws Exception {
        List<Event> onTime = EventLogFile.events(2, 120, 6, 240, 0);
        long newest = StreamFixture.newest(onTime.subList(0, 60), List.of());
        // Logged at chosen milliseconds (the job's event times), so that one is exactly at the bound.
        Map<Event, Long> loggedAt = new HashMap<>();
        Event farBehind = new Event(2, 4, Event.Type.RATING, 5, Math.floorDiv(newest, 1000) - 50);
        loggedAt.put(farBehind, farBehind.timestamp() * 1000 + 300);
        long bound = newest - StreamFixture.BOUND.toMillis();
        Event atTheBound = new Event(3, 6, Event.Type.RATING, 4, Math.floorDiv(bound, 1000));
        loggedAt.put(atTheBound, bound);
        Event justPast = new Event(4, 8, Event.Type.CLICK, 1, Math.floorDiv(bound - 1, 1000));
        loggedAt.put(justPast, bound - 1);
        ToLongFunction<Event> logged = e -> loggedAt.getOrDefault(e, EventLogFile.loggedAt(e));
        List<Event> all = new ArrayList<>(onTime);
        all.add(60, farBehind);
        all.add(61, atTheBound); // exactly the bound behind the newest: still on time
        all.add(62, justPast);
        Path log = tmp.resolve("events.jsonl");
        EventLogFile.write(
                log,
                all.stream()
                        .map(e -> EventLogFile.line(e, logged.applyAsLong(e)))
                        .toList());
        Path lateFile = tmp.resolve("late.jsonl");

        JobExecutionResult result = StreamFixture.run(fixture.config(log).withLateEvents(Optional.of(lateFile)));

        assertThat(result.<Long>getAccumulatorResult(SplitLateEvents.LATE_EVENTS))
                .isEqualTo(2);
        assertThat(Files.readAllLines(lateFile))
                .satisfiesExactly(
                        first -> assertThat(first).contains("\"line\":61", "\"userId\":2", "\"itemId\":4"),
                        second -> assertThat(second).contains("\"line\":63", "\"userId\":4", "\"itemId\":8"));
        List<Event> applied = new ArrayList<>(all);
        applied.remove(62);
        applied.remove(60);
        StreamFixture.assertVaried(
                fixture.assertStoreMatchesReference(
                        applied, logged, List.of(), StreamFixture.newest(all, logged, List.of()), false),
                false);
    }

    @Test
    void anEventIsInItsUsersRowBeforeTheWatermarkPassesIt() throws Exception {
        // A bound of an hour: no later record and no quiet spell moves the watermark past these events in the test.
        List<Event> events = EventLogFile.events(9, 40, 5, 20, 0);
        Path log = tmp.resolve("events.jsonl");
        EventLogFile.write(
                log, events.subList(0, 39).stream().map(EventLogFile::line).toList());
        StreamConfig config = fixture.config(log).withFollow(true).withOutOfOrderness(Duration.ofHours(1));

        LocalStreamRunner runner = LocalStreamRunner.start(config, StreamExecutionEnvironment::getExecutionEnvironment);
        try {
            StreamFixture.awaitUsers(fixture, events.subList(0, 39));
            // One more event, the last record of the log: nothing follows it to move the watermark.
            EventLogFile.append(log, List.of(EventLogFile.line(events.get(39))));
            StreamFixture.awaitUsers(fixture, events);

            assertThat(fixture.readStore().get(EntityKind.ITEM).values())
                    .as("the item trends, which wait for the watermark, have none of these events yet")
                    .allMatch(row -> row.number(FeatureSchema.TRENDING_COUNT).isEmpty());
        } finally {
            runner.cancel(30);
        }
        assertThat(runner.await().cancelled()).isTrue();
    }

    @Test
    void eventsArrivingOutOfOrderWithinTheBoundGiveTheRowsOfTheSameEventsInOrder() throws Exception {
        // Shuffled by up to 3 s against their neighbours (the bound is 5 s), several of a user in one second.
        List<Event> shuffled = EventLogFile.events(10, 240, 4, 60, 3);
        List<Event> inOrder = new ArrayList<>(shuffled);
        inOrder.sort(Comparator.comparingLong(EventLogFile::millis).thenComparingLong(EventLogFile::loggedAt));
        assertThat(shuffled).as("the test's log is out of order").isNotEqualTo(inOrder);
        Path inOrderLog = tmp.resolve("in-order.jsonl");
        EventLogFile.write(inOrderLog, inOrder.stream().map(EventLogFile::line).toList());
        Path shuffledLog = tmp.resolve("shuffled.jsonl");
        EventLogFile.write(
                shuffledLog, shuffled.stream().map(EventLogFile::line).toList());
        StreamFixture other = new StreamFixture(tmp.resolve("other"), "embedded:" + tmp.resolve("other-store"));

        JobExecutionResult inOrderRun = StreamFixture.run(fixture.config(inOrderLog));
        JobExecutionResult shuffledRun = StreamFixture.run(other.config(shuffledLog));

        assertThat(shuffledRun.<Long>getAccumulatorResult(SplitLateEvents.LATE_EVENTS))
                .isZero();
        assertThat(inOrderRun.<Long>getAccumulatorResult(SplitLateEvents.LATE_EVENTS))
                .isZero();
        Map<Integer, Features> users = fixture.readStore().get(EntityKind.USER);
        assertThat(other.readStore().get(EntityKind.USER))
                .as("every user's row, stream time included")
                .isEqualTo(users);
        fixture.assertStoreMatchesReference(inOrder, List.of(), StreamFixture.newest(inOrder, List.of()), true);
    }

    @Test
    void replayingTheLogLeavesTheStoreAsItWas() throws Exception {
        List<Event> events = EventLogFile.events(3, 200, 10, 400, 2);
        Path log = tmp.resolve("events.jsonl");
        EventLogFile.write(log, events.stream().map(EventLogFile::line).toList());
        StreamFixture.run(fixture.config(log));
        var once = fixture.readStore();

        StreamFixture.run(fixture.config(log));
        fixture.assertStoreIs(once, "the same log again");

        // A replay of the older half (a restart from an early offset) reflects earlier times: nothing is taken back.
        Path firstHalf = tmp.resolve("first-half.jsonl");
        EventLogFile.write(
                firstHalf,
                events.subList(0, 100).stream().map(EventLogFile::line).toList());
        StreamFixture.run(fixture.config(firstHalf));
        fixture.assertStoreIs(once, "an older part of the log");
    }
}
