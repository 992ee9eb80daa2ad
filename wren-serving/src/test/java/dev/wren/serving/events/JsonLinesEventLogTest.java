package dev.wren.serving.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesEventLogTest {
    @TempDir
    Path tmp;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void writesEachRecordAsOneJsonLineWithItsKindSchemaVersionAndTime() throws Exception {
        Path file = tmp.resolve("events.jsonl");
        long before = System.currentTimeMillis();
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file, json)) {
            ObjectNode event = log.record(EventLog.EVENT);
            event.put("userId", 11).put("itemId", 318).put("value", 5.0);
            log.append(event);
            log.offer(log.record(EventLog.EXPOSURE).put("userId", 11));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.path("kind").asText()).isEqualTo("event");
        assertThat(first.path("schemaVersion").asInt()).isEqualTo(EventLog.SCHEMA_VERSION);
        assertThat(first.path("loggedAt").asLong()).isBetween(before, System.currentTimeMillis());
        assertThat(first.path("itemId").asInt()).isEqualTo(318);
        assertThat(json.readTree(lines.get(1)).path("kind").asText()).isEqualTo("exposure");
        assertThat(Files.readString(file)).endsWith("\n");
    }

    @Test
    void appendsToAnExistingLogAndCreatesMissingFolders() throws Exception {
        Path file = tmp.resolve("a/b/events.jsonl");
        for (int run = 0; run < 2; run++) {
            try (JsonLinesEventLog log = JsonLinesEventLog.open(file, json)) {
                log.append(log.record(EventLog.EVENT).put("userId", run));
            }
        }
        assertThat(Files.readAllLines(file)).hasSize(2);
    }

    @Test
    void anAppendFromAnInterruptedThreadIsKeptAndTheLogStaysOpenForTheOthers() throws Exception {
        Path file = tmp.resolve("events.jsonl");
        try (JsonLinesEventLog log =
                JsonLinesEventLog.open(file, json, new SimpleMeterRegistry(), EventLogSync.ALWAYS)) {
            Thread.currentThread().interrupt();
            try {
                log.append(log.record(EventLog.EVENT).put("userId", 1));
            } finally {
                assertThat(Thread.interrupted())
                        .as("the interrupt is left for its owner")
                        .isTrue();
            }
            log.append(log.record(EventLog.EVENT).put("userId", 2));
        }
        assertThat(Files.readAllLines(file)).hasSize(2);
    }

    @Test
    void refusesARecordKindItDoesNotKnow() {
        try (JsonLinesEventLog log = JsonLinesEventLog.open(tmp.resolve("events.jsonl"), json)) {
            assertThatThrownBy(() -> log.record("purchase"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("purchase");
        }
    }

    @Test
    void concurrentAppendsNeverInterleaveWithinALine() throws Exception {
        Path file = tmp.resolve("events.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file, json)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        log.append(
                                log.record(EventLog.EVENT).put("userId", thread).put("itemId", i));
                    }
                }));
            }
            for (Future<?> w : writers) {
                w.get();
            }
        } finally {
            pool.shutdown();
        }
        Set<String> seen = new HashSet<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode n = json.readTree(line);
            seen.add(n.path("userId").asInt() + "/" + n.path("itemId").asInt());
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void withSyncAlwaysConcurrentAppendsReturnWithEveryLineWholeInTheFile() throws Exception {
        Path file = tmp.resolve("always.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (JsonLinesEventLog log =
                JsonLinesEventLog.open(file, json, new SimpleMeterRegistry(), EventLogSync.ALWAYS)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        log.append(
                                log.record(EventLog.EVENT).put("userId", thread).put("itemId", i));
                    }
                }));
            }
            for (Future<?> w : writers) {
                w.get();
            }
            // Read while still open: append returned, so each line is in the file without close()'s help.
            Set<String> seen = new HashSet<>();
            for (String line : Files.readAllLines(file)) {
                JsonNode n = json.readTree(line);
                seen.add(n.path("userId").asInt() + "/" + n.path("itemId").asInt());
            }
            assertThat(seen).hasSize(400);
            assertThat(log.describe()).contains("fsync always");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void withSyncAlwaysAppendsArrivingDuringAnFsyncShareTheNextOne() throws Exception {
        CountDownLatch firstForceStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstForce = new CountDownLatch(1);
        AtomicInteger forces = new AtomicInteger();
        JsonLinesEventLog.Forcer heldFirst = file -> {
            if (forces.incrementAndGet() == 1) {
                firstForceStarted.countDown();
                try {
                    releaseFirstForce.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            file.getFD().sync();
        };
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try (JsonLinesEventLog log = JsonLinesEventLog.open(
                tmp.resolve("group.jsonl"), json, new SimpleMeterRegistry(), EventLogSync.ALWAYS, heldFirst)) {
            Future<?> first =
                    pool.submit(() -> log.append(log.record(EventLog.EVENT).put("userId", 0)));
            firstForceStarted.await();
            List<Thread> waiting = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Future<?>> later = new ArrayList<>();
            for (int u = 1; u <= 4; u++) {
                int user = u;
                later.add(pool.submit(() -> {
                    waiting.add(Thread.currentThread());
                    log.append(log.record(EventLog.EVENT).put("userId", user));
                }));
            }
            // Each later append has written its line and waits for the fsync in progress (no timing: polls states).
            while (waiting.size() < 4 || waiting.stream().anyMatch(t -> t.getState() != Thread.State.WAITING)) {
                Thread.onSpinWait();
            }
            assertThat(first.isDone()).isFalse();
            releaseFirstForce.countDown();
            first.get();
            for (Future<?> f : later) {
                f.get();
            }
            // One fsync for the first line, one shared by the four that queued behind it.
            assertThat(forces.get()).isEqualTo(2);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aLastLineCutShortByACrashIsEndedSoTheNextRecordStaysReadable() throws Exception {
        Path file = tmp.resolve("torn.jsonl");
        Files.writeString(file, "{\"kind\":\"event\",\"userId\":1}\n{\"kind\":\"event\",\"us");
        try (JsonLinesEventLog log = JsonLinesEventLog.open(file, json)) {
            log.append(log.record(EventLog.EVENT).put("userId", 2));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).isEqualTo("{\"kind\":\"event\",\"us");
        assertThat(json.readTree(lines.get(2)).path("userId").asInt()).isEqualTo(2);
    }

    @Test
    void aRecordThatCannotBeWrittenIsRefusedWhenAppendedAndCountedWhenOffered() {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        JsonLinesEventLog log = JsonLinesEventLog.open(tmp.resolve("events.jsonl"), json, metrics);
        ObjectNode event = log.record(EventLog.EVENT).put("userId", 1);
        ObjectNode exposure = log.record(EventLog.EXPOSURE).put("userId", 1);
        log.close(); // a closed file refuses writes, as a full or vanished disk would

        assertThatThrownBy(() -> log.append(event))
                .isInstanceOf(EventLogException.class)
                .hasMessage("the event log cannot be written");
        log.offer(exposure);
        log.offer(exposure);

        assertThat(log.lost(EventLog.EXPOSURE)).isEqualTo(2);
        assertThat(metrics.get(EventLog.LOST_COUNTER)
                        .tag("kind", "exposure")
                        .counter()
                        .count())
                .isEqualTo(2.0);
    }
}
