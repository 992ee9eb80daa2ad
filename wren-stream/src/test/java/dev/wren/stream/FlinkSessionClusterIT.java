package dev.wren.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.core.recommend.Event;
import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import dev.wren.store.redis.RedisServer;
import dev.wren.stream.EventLogFile.Shown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code flink run} path for real: the module's shaded jar (classifier {@code flink}) submitted with Flink's own
 * client to a session cluster of a jobmanager and a taskmanager, each its own JVM ({@link FlinkSessionCluster}), writing
 * to a real redis-server. Once from an event log file, once from the topics of a real KRaft broker (in this JVM,
 * reached by the taskmanager over loopback). Each job reads its input once and finishes; the REST API must report it
 * FINISHED, and Redis must hold the rows, and the fresh samples the files or the samples topic, that the batch reference
 * computes from the same records.
 */
class FlinkSessionClusterIT {
    private static final Duration JOB = Duration.ofMinutes(2);
    /** The job's windows, in the whole minutes and seconds StreamMain takes; sessions and recent items its defaults. */
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private static final Duration SLIDE = Duration.ofSeconds(10);
    private static final Duration LABEL_WINDOW = Duration.ofMinutes(1);
    private static final Duration SESSION_GAP = Duration.ofMinutes(30);
    private static final int RECENT = 20;
    private static final int PARTITIONS = 2;

    @TempDir
    static Path tmp;

    static Path jar;
    static RedisServer redis;
    static FlinkSessionCluster flink;

    @BeforeAll
    static void startCluster() throws Exception {
        jar = Path.of(System.getProperty("wren.stream.flinkJar", "missing"));
        assumeTrue(Files.isRegularFile(jar), "shaded jar not built (run through mvn verify): " + jar);
        assumeTrue(RedisServer.available(), "redis-server not on PATH");
        redis = RedisServer.start(Files.createDirectories(tmp.resolve("redis")));
        flink = FlinkSessionCluster.start(tmp.resolve("flink"), 2);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (flink != null) {
            flink.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void theJarUnderFlinkRunFillsRedisFromAnEventLogAsTheBatchReferenceDoes() throws Exception {
        StreamFixture fixture = new StreamFixture(tmp.resolve("log"), "redis://127.0.0.1:" + redis.port() + "/1");
        List<Event> events = EventLogFile.events(4, 250, 10, 500, 3);
        List<Shown> shown = new ArrayList<>();
        Path log = tmp.resolve("log/events.jsonl");
        EventLogFile.write(log, EventLogFile.withExposures(events, 6, shown));
        Path samples = tmp.resolve("log/samples");
        List<String> args = new ArrayList<>(arguments(fixture));
        args.addAll(List.of("--events", log.toString(), "--samples", samples.toString()));

        String jobId = flink.runDetached(jar, StreamMain.class.getName(), args);

        assertFinished(jobId, events.size());
        long newest = StreamFixture.newest(events, shown);
        assertStoreMatchesReference(fixture, events, shown, newest);
        assertThat(StreamFixture.readSamples(samples))
                .as("the committed sample files")
                .containsExactlyInAnyOrderElementsOf(referenceSamples(fixture, events, shown, newest));
    }

    @Test
    void theJarUnderFlinkRunReadsTheKafkaTopicsIntoRedisAndWritesEachSampleOnce() throws Exception {
        try (KafkaClusterTestKit kafka = KafkaBroker.start(tmp.resolve("kafka"))) {
            KafkaBroker.createTopics(
                    kafka,
                    List.of(
                            new NewTopic("c.events", PARTITIONS, (short) 1),
                            new NewTopic("c.exposures", PARTITIONS, (short) 1),
                            new NewTopic("c.samples", PARTITIONS, (short) 1)));
            StreamFixture fixture =
                    new StreamFixture(tmp.resolve("kafka-job"), "redis://127.0.0.1:" + redis.port() + "/2");
            List<Event> events = new ArrayList<>(EventLogFile.events(5, 200, 10, 400, 3));
            List<Shown> shown = new ArrayList<>();
            List<String> lines = new ArrayList<>(EventLogFile.withExposures(events, 7, shown));
            // Each partition of both topics ends with a record an hour later, so that every window of the test closes
            // whatever order
            // the partitions are read in (the job's watermark is the partitions' minimum).
            long end = EventLogFile.START + 3600;
            for (int p = 0; p < PARTITIONS; p++) {
                Event tick = new Event(KafkaBroker.userIn(p, PARTITIONS), 1 + p, Event.Type.CLICK, 1.0, end);
                events.add(tick);
                lines.add(EventLogFile.line(tick));
                Shown last = new Shown(tick.userId(), end * 1000, List.of(2 + p));
                shown.add(last);
                lines.add(last.line());
            }
            KafkaBroker.produce(kafka, "c.events", "c.exposures", lines);
            List<String> args = new ArrayList<>(arguments(fixture));
            args.addAll(List.of(
                    "--kafka",
                    kafka.bootstrapServers(),
                    "--kafka-topics",
                    "c.events,c.exposures",
                    "--kafka-group",
                    "cluster-it",
                    "--samples-topic",
                    "c.samples",
                    "--transactional-id-prefix",
                    "cluster-it-samples"));

            String jobId = flink.runDetached(jar, StreamMain.class.getName(), args);

            assertFinished(jobId, events.size());
            long newest = StreamFixture.newest(events, shown);
            assertStoreMatchesReference(fixture, events, shown, newest);
            assertThat(committedSamples(kafka, "c.samples"))
                    .as("the samples topic, read_committed")
                    .containsExactlyInAnyOrderElementsOf(referenceSamples(fixture, events, shown, newest));
        }
    }

    /** The job ran on the session cluster and finished there, having counted every event. */
    private static void assertFinished(String jobId, int events) throws Exception {
        String state = flink.awaitTerminal(jobId, JOB);
        assertThat(state)
                .as(
                        "job %s; exceptions: %s; taskmanager:\n%s",
                        jobId, flink.exceptions(jobId), FlinkSessionCluster.tail(flink.log("taskmanager")))
                .isEqualTo("FINISHED");
        assertThat(flink.job(jobId).path("name").asText()).isEqualTo(StreamJob.NAME);
        assertThat(flink.accumulator(jobId, "events")).isEqualTo(Long.toString(events));
        assertThat(flink.accumulator(jobId, "lateEvents")).isEqualTo("0");
    }

    private static List<String> arguments(StreamFixture fixture) {
        return List.of(
                "--data",
                fixture.data.toString(),
                "--store",
                fixture.storeUri,
                "--dim",
                Integer.toString(StreamFixture.DIM),
                "--parallelism",
                "2",
                "--trend-window-minutes",
                Long.toString(WINDOW.toMinutes()),
                "--trend-slide-seconds",
                Long.toString(SLIDE.toSeconds()),
                "--ctr-window-minutes",
                Long.toString(WINDOW.toMinutes()),
                "--label-window-minutes",
                Long.toString(LABEL_WINDOW.toMinutes()),
                "--checkpoint-seconds",
                "1");
    }

    /** Every user row and every item's window features in Redis equal the reference's. */
    private static void assertStoreMatchesReference(
            StreamFixture fixture, List<Event> events, List<Shown> shown, long newest) {
        Map<EntityKind, Map<Integer, Features>> store = fixture.readStore();
        Map<Integer, Features> users = BatchReference.users(
                fixture.data,
                events,
                EventLogFile::loggedAt,
                StreamFixture.RULES,
                fixture.itemVectors,
                StreamFixture.DIM,
                RECENT,
                SESSION_GAP);
        assertThat(store.get(EntityKind.USER).keySet()).isEqualTo(users.keySet());
        users.forEach((user, expected) -> FeatureAssertions.assertSameRow(
                "user " + user, store.get(EntityKind.USER).get(user), expected, 1e-6));

        Map<Integer, Features> items = BatchReference.items(
                events, EventLogFile::loggedAt, shown, StreamFixture.lastWatermark(newest), WINDOW, WINDOW, SLIDE);
        Map<Integer, Features> stored = new HashMap<>();
        store.get(EntityKind.ITEM).forEach((item, row) -> {
            if (row.number(FeatureSchema.TRENDING_COUNT).isPresent()) {
                Features.Builder b = Features.builder();
                StreamFixture.WINDOW_FEATURES.forEach(name -> row.number(name).ifPresent(v -> b.number(name, v)));
                stored.put(item, b.build());
            }
        });
        assertThat(stored.keySet()).isEqualTo(items.keySet());
        items.forEach(
                (item, expected) -> FeatureAssertions.assertSameRow("item " + item, stored.get(item), expected, 1e-9));
    }

    private static List<JsonNode> referenceSamples(
            StreamFixture fixture, List<Event> events, List<Shown> shown, long newest) {
        List<JsonNode> samples = BatchReference.samples(
                fixture.data,
                events,
                EventLogFile::loggedAt,
                shown,
                StreamFixture.RULES,
                LABEL_WINDOW,
                StreamFixture.lastWatermark(newest));
        assertThat(samples)
                .as("the test has samples of both labels")
                .anyMatch(n -> n.path("label").asInt() == 1)
                .anyMatch(n -> n.path("label").asInt() == 0);
        return samples;
    }

    /** The committed samples, each keyed by its user. */
    private static List<JsonNode> committedSamples(KafkaClusterTestKit kafka, String topic) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : KafkaBroker.readCommitted(kafka, topic, PARTITIONS)) {
            JsonNode sample = json.readTree(r.value());
            assertThat(r.key()).isEqualTo(sample.path("userId").asText());
            out.add(sample);
        }
        return out;
    }
}
