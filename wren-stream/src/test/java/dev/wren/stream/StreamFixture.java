package dev.wren.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.core.features.UserFeatureRules;
import dev.wren.core.recommend.Event;
import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.Features;
import dev.wren.store.FeatureStores;
import dev.wren.stream.EventLogFile.Shown;
import dev.wren.stream.events.SplitLateEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.runtime.client.JobExecutionException;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * What the stream tests share: a tiny dataset, a store with an offline snapshot of item vectors, the job's test
 * settings (a 60 s trend window sliding by 10 s, so that a few minutes of events close many windows), a bounded run on
 * the current Flink environment, and the comparison of the store with the {@link BatchReference}.
 */
final class StreamFixture {
    static final int DIM = 4;
    static final Duration BOUND = Duration.ofSeconds(5);
    static final Duration WINDOW = Duration.ofSeconds(60);
    static final Duration SLIDE = Duration.ofSeconds(10);
    /** Shorter than the trend window, so that the two sums are told apart. */
    static final Duration CTR_WINDOW = Duration.ofSeconds(30);

    static final Duration SESSION_GAP = Duration.ofSeconds(90);
    static final int RECENT = 5;
    static final UserFeatureRules RULES = UserFeatureRules.defaults();
    static final Duration LABEL_WINDOW = Duration.ofSeconds(40);
    static final List<String> WINDOW_FEATURES = List.of(
            FeatureSchema.TRENDING_COUNT,
            FeatureSchema.RECENT_EXPOSURES,
            FeatureSchema.RECENT_CLICKS,
            FeatureSchema.RECENT_CTR);

    final Path data;
    final String storeUri;
    final Map<Integer, float[]> itemVectors = new HashMap<>();

    /** Writes the dataset under {@code dir} and publishes the offline snapshot to {@code storeUri}. */
    StreamFixture(Path dir, String storeUri) throws IOException {
        this.data = TinyMovieLens.write(dir.resolve("data"), 7);
        this.storeUri = storeUri;
        Random random = new Random(11);
        Map<Integer, Features> items = new HashMap<>();
        for (int m = 1; m <= TinyMovieLens.MOVIES; m++) {
            Features.Builder row = Features.builder().number(FeatureSchema.RELEASE_YEAR, 1980 + m);
            if (m % 5 != 0) { // some items have no vector: the embedding skips them, as serving's does
                float[] v = new float[DIM];
                for (int d = 0; d < DIM; d++) {
                    v[d] = (float) random.nextGaussian();
                }
                itemVectors.put(m, v);
                row.vector(FeatureSchema.EMBEDDING, v);
            }
            items.put(m, row.build());
        }
        try (FeatureStore store = openStore();
                FeatureStore.SnapshotWriter snapshot = store.beginSnapshot("offline-1")) {
            snapshot.put(EntityKind.ITEM, items);
            snapshot.commit();
        }
    }

    StreamConfig config(Path log) {
        return StreamConfig.defaults(log, data, storeUri, DIM)
                .withOutOfOrderness(BOUND)
                .withTrendWindow(WINDOW, SLIDE)
                .withCtrWindow(CTR_WINDOW)
                .withSessionGap(SESSION_GAP)
                .withRecentItems(RECENT)
                .withLabelWindow(LABEL_WINDOW)
                .withCheckpoints(Duration.ofMillis(300), Optional.empty());
    }

    /** Runs the job bounded on the Flink environment of the current context (the test's MiniCluster). */
    static JobExecutionResult run(StreamConfig config) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                StreamJob.flinkConfiguration(config, Optional.empty()));
        StreamJob.define(env, config);
        return execute(env);
    }

    /** Runs the defined job; a failure names its deepest cause, which the one-line summary of a test run shows. */
    static JobExecutionResult execute(StreamExecutionEnvironment env) throws Exception {
        try {
            return env.execute(StreamJob.NAME);
        } catch (JobExecutionException e) {
            throw new IllegalStateException("the stream job failed: " + ExceptionUtils.getRootCause(e), e);
        }
    }

    /**
     * Every user row equals the reference's; unless {@code usersOnly}, every item's window features too. The events
     * were logged as {@link EventLogFile#line(Event)} writes them.
     *
     * @return the reference's item rows
     */
    Map<Integer, Features> assertStoreMatchesReference(
            List<Event> applied, List<Shown> shown, long newestMillis, boolean usersOnly) {
        return assertStoreMatchesReference(applied, EventLogFile::loggedAt, shown, newestMillis, usersOnly);
    }

    /** The same, for events logged at {@code loggedAt}. */
    Map<Integer, Features> assertStoreMatchesReference(
            List<Event> applied,
            ToLongFunction<Event> loggedAt,
            List<Shown> shown,
            long newestMillis,
            boolean usersOnly) {
        Map<EntityKind, Map<Integer, Features>> store = readStore();
        Map<Integer, Features> expectedUsers =
                BatchReference.users(data, applied, loggedAt, RULES, itemVectors, DIM, RECENT, SESSION_GAP);
        assertThat(store.get(EntityKind.USER).keySet()).isEqualTo(expectedUsers.keySet());
        expectedUsers.forEach((user, expected) -> FeatureAssertions.assertSameRow(
                "user " + user, store.get(EntityKind.USER).get(user), expected, 1e-6));
        if (usersOnly) {
            return Map.of();
        }
        long lastWatermark = lastWatermark(newestMillis);
        Map<Integer, Features> expectedItems =
                BatchReference.items(applied, loggedAt, shown, lastWatermark, WINDOW, CTR_WINDOW, SLIDE);
        long lastEnd = BatchReference.lastWindowEnd(lastWatermark, SLIDE);
        Map<Integer, Features> items = new HashMap<>();
        store.get(EntityKind.ITEM).forEach((item, row) -> {
            if (row.number(FeatureSchema.TRENDING_COUNT).isEmpty()) {
                return;
            }
            assertThat(row.number(FeatureSchema.STREAM_TIME).getAsDouble())
                    .as("item " + item + "'s row is of a closed window")
                    .isLessThanOrEqualTo(lastEnd);
            Features.Builder b = Features.builder();
            for (String name : WINDOW_FEATURES) {
                row.number(name).ifPresent(v -> b.number(name, v));
            }
            items.put(item, b.build());
        });
        assertThat(items.keySet()).isEqualTo(expectedItems.keySet());
        expectedItems.forEach(
                (item, expected) -> FeatureAssertions.assertSameRow("item " + item, items.get(item), expected, 1e-9));
        return expectedItems;
    }

    /** The reference's items have trends, items gone quiet and, when lists were shown, clicks on them. */
    static void assertVaried(Map<Integer, Features> expectedItems, boolean withExposures) {
        assertThat(expectedItems.values())
                .as("the test has items trending and items gone quiet")
                .anyMatch(r -> r.number(FeatureSchema.TRENDING_COUNT).getAsDouble() == 0)
                .anyMatch(r -> r.number(FeatureSchema.TRENDING_COUNT).getAsDouble() > 1);
        if (withExposures) {
            assertThat(expectedItems.values())
                    .as("the test has clicks on items shown")
                    .anyMatch(r -> r.number(FeatureSchema.RECENT_CTR).orElse(0) > 0);
        }
    }

    /** The committed sample files hold exactly the reference's samples, each once. */
    void assertSamplesMatchReference(Path dir, List<Event> applied, List<Shown> shown, long newestMillis)
            throws IOException {
        List<JsonNode> expected = BatchReference.samples(
                data, applied, EventLogFile::loggedAt, shown, RULES, LABEL_WINDOW, lastWatermark(newestMillis));
        List<JsonNode> actual = readSamples(dir);
        List<JsonNode> missing = new ArrayList<>(expected);
        List<JsonNode> unexpected = new ArrayList<>();
        for (JsonNode a : actual) {
            if (!missing.remove(a)) {
                unexpected.add(a);
            }
        }
        assertThat(missing)
                .as("samples missing (of " + expected.size() + "; " + actual.size() + " read from " + listing(dir)
                        + ")")
                .isEmpty();
        assertThat(unexpected)
                .as("samples not expected, or twice (of " + actual.size() + ")")
                .isEmpty();
        assertThat(expected)
                .as("the test has clicks, ratings and closed windows deciding labels")
                .anyMatch(n -> n.path("labelSource").asText().equals("click"))
                .anyMatch(n -> n.path("labelSource").asText().equals("rating")
                        && n.path("label").asInt() == 1)
                .anyMatch(n -> n.path("label").asInt() == 0);
    }

    /** The samples in the committed files of {@code dir} (not the hidden ones still being written). */
    static List<JsonNode> readSamples(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList()) {
                for (String line : Files.readAllLines(f)) {
                    out.add(json.readTree(line));
                }
            }
        }
        return out;
    }

    private static List<String> listing(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(f -> dir.relativize(f).toString()).toList();
        }
    }

    static long lastWatermark(long newestMillis) {
        return newestMillis - BOUND.toMillis() - 1;
    }

    /** The newest record time of a log written by {@link EventLogFile#line(Event)}, in milliseconds. */
    static long newest(List<Event> events, List<Shown> shown) {
        return newest(events, EventLogFile::loggedAt, shown);
    }

    /** The newest record time of a log of events logged at {@code loggedAt}, in milliseconds. */
    static long newest(List<Event> events, ToLongFunction<Event> loggedAt, List<Shown> shown) {
        long newest = events.stream()
                .mapToLong(e -> BatchReference.millis(e, loggedAt))
                .max()
                .orElse(Long.MIN_VALUE);
        return Math.max(newest, shown.stream().mapToLong(Shown::loggedAt).max().orElse(Long.MIN_VALUE));
    }

    /** The store equals {@code before}, row by row; a difference is reported with its entity and row. */
    void assertStoreIs(Map<EntityKind, Map<Integer, Features>> before, String what) {
        Map<EntityKind, Map<Integer, Features>> now = readStore();
        for (EntityKind kind : EntityKind.values()) {
            assertThat(now.get(kind).keySet())
                    .as(what + ": " + kind + " ids")
                    .isEqualTo(before.get(kind).keySet());
            before.get(kind).forEach((id, row) -> assertThat(now.get(kind).get(id))
                    .as(what + ": " + kind + " " + id)
                    .isEqualTo(row));
        }
    }

    Map<EntityKind, Map<Integer, Features>> readStore() {
        Map<EntityKind, Map<Integer, Features>> rows = new HashMap<>();
        try (FeatureStore store = openStore()) {
            for (EntityKind kind : EntityKind.values()) {
                Map<Integer, Features> byId = new HashMap<>();
                store.scan(kind, byId::put);
                rows.put(kind, byId);
            }
        }
        return rows;
    }

    FeatureStore openStore() {
        return FeatureStores.open(storeUri, FeatureSchema.standard(DIM));
    }
    /** Waits until the store's user rows are the reference's for {@code applied}. */
    static void awaitUsers(StreamFixture fixture, List<Event> applied) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                fixture.assertStoreMatchesReference(applied, List.of(), StreamFixture.newest(applied, List.of()), true);
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(200);
            }
        }
    }

    static void awaitCheckpointAfter(Path folder, long millis) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Path> latest = Checkpoints.latest(folder);
            if (latest.isPresent()
                    && Files.getLastModifiedTime(latest.get().resolve("_metadata"))
                                    .toMillis()
                            > millis) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no checkpoint completed in " + folder);
    }

    static void awaitEvents(LocalStreamRunner runner, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Object seen = null;
        while (System.nanoTime() < deadline) {
            seen = runner.progress().get(SplitLateEvents.EVENTS);
            if (seen instanceof Number n && n.longValue() == expected) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the resumed job counted " + seen + " events, not " + expected);
    }
}
