package dev.wren.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.core.recommend.Event;
import dev.wren.core.store.FeatureSchema;
import dev.wren.store.redis.RedisServer;
import dev.wren.stream.EventLogFile.Shown;
import dev.wren.stream.events.SplitLateEvents;
import dev.wren.stream.kafka.KafkaInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job reading serving's topics from a real single-node KRaft broker in this JVM (Kafka's own test kit), on a Flink
 * MiniCluster: events and exposures keyed by user over three partitions each, read to the topics' ends. The store
 * and the fresh samples equal the batch reference's, and the samples topic, read with {@code read_committed}, holds
 * each sample exactly once, keyed by its user.
 */
class KafkaStreamIT {
    private static final Logger log = LoggerFactory.getLogger(KafkaStreamIT.class);
    static final int PARTITIONS = 3;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            // Accumulators of a running job reach the client with the heartbeats.
            .setConfiguration(heartbeatsEvery(Duration.ofMillis(300)))
            .build());

    private static Configuration heartbeatsEvery(Duration interval) {
        Configuration conf = new Configuration();
        conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, interval);
        return conf;
    }

    @TempDir
    static Path tmp;

    static KafkaClusterTestKit kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = KafkaBroker.start(tmp.resolve("kafka"));
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** The job's three topics, each with {@link #PARTITIONS} partitions, ready to be written. */
    private static void createTopics(KafkaInput topics) throws Exception {
        KafkaBroker.createTopics(
                kafka,
                List.of(
                        new NewTopic(topics.eventsTopic(), PARTITIONS, (short) 1),
                        new NewTopic(topics.exposuresTopic(), PARTITIONS, (short) 1),
                        new NewTopic(topics.samplesTopic(), PARTITIONS, (short) 1)));
    }

    @Test
    void storeAndSamplesFromTheTopicsEqualTheReferenceAndTheSamplesTopicHoldsEachOnce() throws Exception {
        KafkaInput topics = KafkaInput.of(kafka.bootstrapServers())
                .withTopics("it.events,it.exposures")
                .withGroup("it-stream")
                .withSamples("it.samples", "it-samples");
        createTopics(topics);
        StreamFixture fixture = new StreamFixture(tmp, "embedded:" + tmp.resolve("store"));
        List<Event> events = new ArrayList<>(EventLogFile.events(4, 240, 12, 480, 3));
        List<Shown> shown = new ArrayList<>();
        List<String> lines = new ArrayList<>(EventLogFile.withExposures(events, 6, shown));
        // Every partition ends with a record an hour later, so each closes every label and trend window of the test
        // whatever order the partitions are read in.
        long end = EventLogFile.START + 3600;
        for (int p = 0; p < PARTITIONS; p++) {
            int user = KafkaBroker.userIn(p, PARTITIONS);
            Event tick = new Event(user, 1 + p, Event.Type.CLICK, 1.0, end);
            events.add(tick);
            lines.add(EventLogFile.line(tick));
            Shown last = new Shown(user, end * 1000, List.of(2 + p));
            shown.add(last);
            lines.add(last.line());
        }
        produce(topics, lines);
        Path samples = tmp.resolve("samples");

        JobExecutionResult result = StreamFixture.run(fixture.config(tmp.resolve("unused.jsonl"))
                .withKafka(Optional.of(topics))
                .withSamples(Optional.of(samples)));

        assertThat(result.<Long>getAccumulatorResult(SplitLateEvents.LATE_EVENTS))
                .isZero();
        assertThat(result.<Long>getAccumulatorResult(SplitLateEvents.EVENTS)).isEqualTo(events.size());
        long newest = StreamFixture.newest(events, shown);
        assertThat(fixture.assertStoreMatchesReference(events, shown, newest, false)
                        .values())
                .as("clicks on items shown gave them a CTR")
                .anyMatch(r -> r.number(FeatureSchema.RECENT_CTR).orElse(0) > 0);
        fixture.assertSamplesMatchReference(samples, events, shown, newest);

        List<ConsumerRecord<String, String>> committed =
                KafkaBroker.readCommitted(kafka, topics.samplesTopic(), PARTITIONS);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> fromTopic = new ArrayList<>();
        for (ConsumerRecord<String, String> r : committed) {
            JsonNode sample = json.readTree(r.value());
            assertThat(r.key()).isEqualTo(sample.path("userId").asText());
            fromTopic.add(sample);
        }
        assertThat(fromTopic)
                .as("the samples topic, read_committed")
                .containsExactlyInAnyOrderElementsOf(StreamFixture.readSamples(samples));
    }

    @Test
    void followedTopicsResumeFromTheCheckpointedOffsetsAndEachSampleIsInTheTopicOnce() throws Exception {
        assumeTrue(RedisServer.available(), "redis-server not on PATH");
        KafkaInput topics = KafkaInput.of(kafka.bootstrapServers())
                .withTopics("follow.events,follow.exposures")
                .withGroup("follow-stream")
                .withSamples("follow.samples", "follow-samples");
        try (RedisServer redis = RedisServer.start(Files.createDirectories(tmp.resolve("redis")))) {
            createTopics(topics);
            // Redis, so that the test can read the store while the job writes it.
            StreamFixture fixture =
                    new StreamFixture(tmp.resolve("follow"), "redis://127.0.0.1:" + redis.port() + "/0");
            List<Event> before = EventLogFile.events(5, 120, 6, 240, 2);
            List<Event> after = EventLogFile.events(6, 90, 6, 180, 2).stream()
                    .map(e -> new Event(e.userId(), e.itemId(), e.type(), e.value(), e.timestamp() + 1_000))
                    .toList();
            List<Shown> shown = new ArrayList<>();
            Path checkpoints = tmp.resolve("follow-checkpoints");
            StreamConfig config = fixture.config(tmp.resolve("unused.jsonl"))
                    .withFollow(true)
                    .withKafka(Optional.of(topics))
                    .withOutOfOrderness(Duration.ofSeconds(1))
                    .withCheckpoints(Duration.ofMillis(200), Optional.of(checkpoints));
            Path folder = Checkpoints.folderFor(checkpoints, "kafka:" + topics.describe(), true);
            produce(topics, EventLogFile.withExposures(before, 7, shown));
            long shownBefore = itemsShown(shown);

            LocalStreamRunner first =
                    LocalStreamRunner.start(config, StreamExecutionEnvironment::getExecutionEnvironment);
            assertThat(first.restoredFrom()).isEmpty();
            // The records already in the topics are all applied, however long the reader takes to fetch them.
            awaitOnTime(first, before.size(), shownBefore);
            StreamFixture.awaitUsers(fixture, before);
            StreamFixture.awaitCheckpointAfter(folder, System.currentTimeMillis());
            first.cancel(30);
            assertThat(first.await().cancelled()).isTrue();

            produce(topics, EventLogFile.withExposures(after, 8, shown));
            LocalStreamRunner second =
                    LocalStreamRunner.start(config, StreamExecutionEnvironment::getExecutionEnvironment);
            List<Event> all = new ArrayList<>(before);
            all.addAll(after);
            // Positive labels do not wait for a window to close: every one of the reference's reaches the topic.
            List<JsonNode> positives = BatchReference.samples(
                    fixture.data,
                    all,
                    EventLogFile::loggedAt,
                    shown,
                    StreamFixture.RULES,
                    StreamFixture.LABEL_WINDOW,
                    Long.MIN_VALUE);
            assertThat(positives).isNotEmpty();
            try {
                assertThat(second.restoredFrom()).isPresent();
                // From the restored offsets, not the start, and none late.
                awaitOnTime(second, after.size(), itemsShown(shown) - shownBefore);
                StreamFixture.awaitUsers(fixture, all);
                // Users' rows do not wait for the watermark, samples do (the quiet topics' catch-up), and the samples
                // topic commits with a checkpoint after that.
                awaitPositives(topics.samplesTopic(), positives);
            } finally {
                second.cancel(30);
            }
            assertThat(second.await().cancelled()).isTrue();

            List<JsonNode> samples = committedSamples(topics.samplesTopic());
            long restart = (EventLogFile.START + 1_000) * 1000;
            assertThat(samples)
                    .as("samples of lists shown before and after the restart")
                    .anyMatch(n -> n.path("exposedAt").asLong() < restart)
                    .anyMatch(n -> n.path("exposedAt").asLong() > restart);
            // Every sample in the topic is one the reference gives once all windows have closed, and none twice.
            List<JsonNode> possible = new ArrayList<>(BatchReference.samples(
                    fixture.data,
                    all,
                    EventLogFile::loggedAt,
                    shown,
                    StreamFixture.RULES,
                    StreamFixture.LABEL_WINDOW,
                    Long.MAX_VALUE));
            for (JsonNode sample : samples) {
                assertThat(possible.remove(sample))
                        .as("in the topic once, and a sample of the log: " + sample)
                        .isTrue();
            }
            assertThat(samples.stream()
                            .filter(n -> n.path("label").asInt() == 1)
                            .toList())
                    .containsExactlyInAnyOrderElementsOf(positives);
        }
    }

    @Test
    void aMissingTopicIsOneClearErrorBeforeTheJobStarts() throws Exception {
        StreamFixture fixture = new StreamFixture(tmp.resolve("missing"), "embedded:" + tmp.resolve("missing-store"));
        KafkaInput topics = KafkaInput.of(kafka.bootstrapServers()).withTopics("no.such.events,no.such.exposures");
        StreamConfig config = fixture.config(tmp.resolve("unused.jsonl")).withKafka(Optional.of(topics));

        assertThatThrownBy(() -> LocalStreamRunner.start(config, StreamExecutionEnvironment::getExecutionEnvironment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no topic [no.such.events, no.such.exposures, wren.samples]");
    }

    /**
     * Waits until the followed job has counted {@code events} events and {@code exposures} items shown, on time, and
     * asserts that it set none aside as late: every record it read was applied. When the job restarted from a
     * checkpoint on its own (a store or broker call timing out on a loaded machine), its counts cover only what it read
     * since the restore: then only none late is asserted here, and the store comparison that follows shows that nothing
     * was lost.
     */
    static void awaitOnTime(LocalStreamRunner runner, long events, long exposures) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Object> counts = runner.progress();
        while (System.nanoTime() < deadline
                && !(events == count(counts, SplitLateEvents.EVENTS)
                        && exposures == count(counts, SplitLateEvents.EXPOSURES))) {
            Thread.sleep(200);
            counts = runner.progress();
        }
        if (count(counts, SplitLateEvents.ATTEMPT) > 0) {
            log.warn("The job restarted: its counts {} cover the records read since the restore", counts);
            assertThat(counts)
                    .containsEntry(SplitLateEvents.LATE_EVENTS, 0L)
                    .containsEntry(SplitLateEvents.LATE_EXPOSURES, 0L);
            return;
        }
        assertThat(counts)
                .as("the job's counts of records read")
                .containsEntry(SplitLateEvents.EVENTS, events)
                .containsEntry(SplitLateEvents.EXPOSURES, exposures)
                .containsEntry(SplitLateEvents.LATE_EVENTS, 0L)
                .containsEntry(SplitLateEvents.LATE_EXPOSURES, 0L);
    }

    private static long count(Map<String, Object> counts, String name) {
        return counts.get(name) instanceof Number n ? n.longValue() : -1;
    }

    private static long itemsShown(List<Shown> shown) {
        return shown.stream().mapToLong(s -> s.items().size()).sum();
    }

    /** Waits until the committed samples of {@code topic} hold every one of {@code positives}. */
    static void awaitPositives(String topic, List<JsonNode> positives) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!committedSamples(topic).containsAll(positives)) {
            assertThat(System.nanoTime())
                    .as("every positive sample committed to " + topic)
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    static List<JsonNode> committedSamples(String topic) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> samples = new ArrayList<>();
        for (ConsumerRecord<String, String> r : KafkaBroker.readCommitted(kafka, topic, PARTITIONS)) {
            samples.add(json.readTree(r.value()));
        }
        return samples;
    }

    private static void produce(KafkaInput topics, List<String> lines) throws Exception {
        KafkaBroker.produce(kafka, topics.eventsTopic(), topics.exposuresTopic(), lines);
    }
}
