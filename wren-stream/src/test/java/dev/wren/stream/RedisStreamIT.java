package dev.wren.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wren.core.recommend.Event;
import dev.wren.store.redis.RedisServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream job against a real redis-server on a loopback port: the versioned "set if newer" Lua upsert, a replay, and
 * a followed log that grows, is cancelled and resumes from its checkpoint. One MiniCluster for the class.
 */
class RedisStreamIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            // Accumulators of a running job reach the client with the heartbeats.
            .setConfiguration(heartbeatsEvery(Duration.ofMillis(300)))
            .build());

    @TempDir
    static Path serverDir;

    static RedisServer redis;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startRedis() throws Exception {
        assumeTrue(RedisServer.available(), "redis-server not on PATH");
        redis = RedisServer.start(serverDir);
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    private static Configuration heartbeatsEvery(Duration interval) {
        Configuration conf = new Configuration();
        conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, interval);
        return conf;
    }

    private String database(int db) {
        return "redis://127.0.0.1:" + redis.port() + "/" + db;
    }

    @Test
    void redisHoldsWhatTheBatchReferenceGivesAndAReplayChangesNothing() throws Exception {
        StreamFixture fixture = new StreamFixture(tmp, database(1));
        List<Event> events = EventLogFile.events(4, 250, 10, 500, 3);
        Path log = tmp.resolve("events.jsonl");
        EventLogFile.write(log, events.stream().map(EventLogFile::line).toList());

        StreamFixture.run(fixture.config(log));
        StreamFixture.assertVaried(
                fixture.assertStoreMatchesReference(events, List.of(), StreamFixture.newest(events, List.of()), false),
                false);
        var once = fixture.readStore();

        StreamFixture.run(fixture.config(log));
        assertThat(fixture.readStore()).as("the same log again").isEqualTo(once);

        // The script refuses rows that reflect earlier times than the stored ones.
        Path firstHalf = tmp.resolve("first-half.jsonl");
        EventLogFile.write(
                firstHalf,
                events.subList(0, 125).stream().map(EventLogFile::line).toList());
        StreamFixture.run(fixture.config(firstHalf));
        assertThat(fixture.readStore()).as("an older part of the log").isEqualTo(once);
    }

    @Test
    void aFollowedLogIsReadAsItGrowsAndAfterARestartResumesFromItsCheckpoint() throws Exception {
        StreamFixture fixture = new StreamFixture(tmp, database(2));
        List<Event> before = EventLogFile.events(5, 80, 6, 160, 0);
        List<Event> after = EventLogFile.events(6, 60, 6, 120, 0).stream()
                .map(e -> new Event(e.userId(), e.itemId(), e.type(), e.value(), e.timestamp() + 1_000))
                .toList();
        Path log = tmp.resolve("events.jsonl");
        Path checkpoints = tmp.resolve("checkpoints");
        StreamConfig config = fixture.config(log)
                .withFollow(true)
                .withOutOfOrderness(Duration.ofSeconds(1))
                .withCheckpoints(Duration.ofMillis(200), Optional.of(checkpoints));
        Path folder = Checkpoints.folderFor(checkpoints, log, true);
        EventLogFile.write(
                log, before.subList(0, 50).stream().map(EventLogFile::line).toList());

        LocalStreamRunner first = LocalStreamRunner.start(config, StreamExecutionEnvironment::getExecutionEnvironment);
        assertThat(first.restoredFrom()).isEmpty();
        StreamFixture.awaitUsers(fixture, before.subList(0, 50));
        // Lines appended while the job runs are read as they come.
        EventLogFile.append(
                log,
                before.subList(50, before.size()).stream()
                        .map(EventLogFile::line)
                        .toList());
        StreamFixture.awaitUsers(fixture, before);
        long caughtUp = System.currentTimeMillis();
        StreamFixture.awaitCheckpointAfter(folder, caughtUp);
        first.cancel(30);
        assertThat(first.await().cancelled()).isTrue();

        EventLogFile.append(log, after.stream().map(EventLogFile::line).toList());
        LocalStreamRunner second = LocalStreamRunner.start(config, StreamExecutionEnvironment::getExecutionEnvironment);
        try {
            assertThat(second.restoredFrom()).isPresent();
            List<Event> all = new ArrayList<>(before);
            all.addAll(after);
            StreamFixture.awaitUsers(fixture, all);
            StreamFixture.awaitEvents(second, after.size()); // the restored offset: the first part is not read again
        } finally {
            second.cancel(30);
        }
        assertThat(second.await().cancelled()).isTrue();
    }
}
