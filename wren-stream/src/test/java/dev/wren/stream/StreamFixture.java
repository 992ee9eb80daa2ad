package dev.wren.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.features.UserFeatureRules;
import dev.wren.core.recommend.Event;
import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.Features;
import dev.wren.store.FeatureStores;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.flink.api.common.JobExecutionResult;
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
    static final Duration SESSION_GAP = Duration.ofSeconds(90);
    static final int RECENT = 5;
    static final UserFeatureRules RULES = UserFeatureRules.defaults();

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
                .withSessionGap(SESSION_GAP)
                .withRecentItems(RECENT)
                .withCheckpoints(Duration.ofMillis(300), Optional.empty());
    }

    /** Runs the job bounded on the Flink environment of the current context (the test's MiniCluster). */
    static JobExecutionResult run(StreamConfig config) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                StreamJob.flinkConfiguration(config, Optional.empty()));
        StreamJob.define(env, config);
        return env.execute(StreamJob.NAME);
    }

    /** Every user row equals the reference's; unless {@code usersOnly}, every item trend too. */
    void assertStoreMatchesReference(List<Event> applied, List<Event> parsed, boolean usersOnly) {
        Map<EntityKind, Map<Integer, Features>> store = readStore();
        Map<Integer, Features> expectedUsers =
                BatchReference.users(data, applied, RULES, itemVectors, DIM, RECENT, SESSION_GAP);
        assertThat(store.get(EntityKind.USER).keySet()).isEqualTo(expectedUsers.keySet());
        expectedUsers.forEach((user, expected) -> FeatureAssertions.assertSameRow(
                "user " + user, store.get(EntityKind.USER).get(user), expected, 1e-6));
        if (usersOnly) {
            return;
        }
        long newest = parsed.stream().mapToLong(Event::timestamp).max().getAsLong();
        Map<Integer, Long> expectedTrends = BatchReference.trends(applied, newest, BOUND, WINDOW, SLIDE);
        long lastEnd = BatchReference.lastWindowEnd(newest, BOUND, SLIDE);
        Map<Integer, Long> trends = new HashMap<>();
        store.get(EntityKind.ITEM)
                .forEach((item, row) -> row.number(FeatureSchema.TRENDING_COUNT).ifPresent(count -> {
                    trends.put(item, (long) count);
                    assertThat(row.number(FeatureSchema.STREAM_TIME).getAsDouble())
                            .as("item " + item + "'s trend is of a closed window")
                            .isLessThanOrEqualTo(lastEnd);
                }));
        assertThat(trends).isEqualTo(expectedTrends);
        assertThat(expectedTrends.values())
                .as("the test has items trending and items gone quiet")
                .contains(0L)
                .anyMatch(n -> n > 1);
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
}
