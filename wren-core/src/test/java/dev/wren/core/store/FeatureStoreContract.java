package dev.wren.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link FeatureStore} must have. An implementation's test extends this and says how to open a
 * fresh, empty store. Stores that keep data across a restart extend {@link PersistentFeatureStoreContract}.
 */
public abstract class FeatureStoreContract {
    protected static final int DIM = 4;
    protected static final String NAME = "name";
    protected static final String WEIGHTS = "weights";

    /** A schema with one feature of every type, for users and items alike. */
    protected static FeatureSchema contractSchema(String namespace) {
        List<FeatureSpec> specs = List.of(
                FeatureSpec.number(FeatureSchema.RATING_AVG),
                FeatureSpec.number(FeatureSchema.RATING_COUNT),
                FeatureSpec.text(NAME),
                FeatureSpec.intList(FeatureSchema.RECENT_POSITIVES),
                FeatureSpec.textList(FeatureSchema.GENRES),
                FeatureSpec.vector(FeatureSchema.EMBEDDING, DIM),
                FeatureSpec.floatList(WEIGHTS));
        return new FeatureSchema(namespace, specs, specs);
    }

    protected FeatureStore store;

    /** A fresh store with no version, using {@link #contractSchema} (any namespace). */
    protected abstract FeatureStore openEmptyStore();

    @BeforeEach
    void openStore() {
        store = openEmptyStore();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    protected static Features row(double avg, float fill) {
        float[] v = new float[DIM];
        java.util.Arrays.fill(v, fill);
        return Features.builder()
                .number(FeatureSchema.RATING_AVG, avg)
                .number(FeatureSchema.RATING_COUNT, avg * 10)
                .text(NAME, "row " + avg)
                .intList(FeatureSchema.RECENT_POSITIVES, List.of(1, 2, (int) avg))
                .textList(FeatureSchema.GENRES, List.of("Drama", "Comedy é"))
                .vector(FeatureSchema.EMBEDDING, v)
                .floatList(WEIGHTS, new float[] {fill, -0.5f})
                .build();
    }

    protected static Map<Integer, Features> rows(int from, int to, double avg) {
        Map<Integer, Features> rows = new HashMap<>();
        for (int id = from; id < to; id++) {
            rows.put(id, row(avg + id, id));
        }
        return rows;
    }

    protected void commit(String version, EntityKind kind, Map<Integer, Features> rows) {
        try (FeatureStore.SnapshotWriter writer = store.beginSnapshot(version)) {
            writer.put(kind, rows);
            writer.commit();
        }
    }

    @Test
    void anEmptyStoreHasNoVersionAndNoRows() {
        assertThat(store.liveVersion()).isEmpty();
        assertThat(store.versions()).isEmpty();
        assertThat(store.get(EntityKind.USER, new int[] {1, 2})).isEmpty();
        assertThat(store.get(EntityKind.ITEM, 1)).isEmpty();
        assertThat(store.getVectors(EntityKind.ITEM, FeatureSchema.EMBEDDING, new int[] {1}))
                .isEmpty();
        List<Integer> seen = new ArrayList<>();
        store.scan(EntityKind.ITEM, (id, row) -> seen.add(id));
        assertThat(seen).isEmpty();
    }

    @Test
    void batchGetReturnsEveryValueTypeAsPut() {
        Map<Integer, Features> items = rows(0, 50, 1.5);
        commit("v1", EntityKind.ITEM, items);

        assertThat(store.liveVersion()).contains("v1");
        assertThat(store.get(EntityKind.ITEM, IntStream.range(0, 50).toArray())).isEqualTo(items);
        assertThat(store.get(EntityKind.ITEM, 7)).contains(items.get(7));
        assertThat(store.get(EntityKind.USER, 7)).isEmpty(); // kinds do not mix
    }

    @Test
    void batchesLargerThanOneRoundTripAreComplete() {
        Map<Integer, Features> items = rows(0, 2_500, 0);
        commit("v1", EntityKind.ITEM, items);
        int[] ids = IntStream.range(0, 2_600).toArray();

        assertThat(store.get(EntityKind.ITEM, ids)).isEqualTo(items);
        assertThat(store.getVectors(EntityKind.ITEM, FeatureSchema.EMBEDDING, ids))
                .hasSize(2_500)
                .allSatisfy((id, v) -> assertThat(v).containsOnly((float) id));
    }

    @Test
    void missingIdsAreAbsentFromTheResult() {
        commit("v1", EntityKind.USER, rows(0, 3, 1));

        Map<Integer, Features> got = store.get(EntityKind.USER, new int[] {2, 99, -5, 0});
        assertThat(got).containsOnlyKeys(2, 0);
        assertThat(store.get(EntityKind.USER, new int[0])).isEmpty();
    }

    @Test
    void getVectorsReturnsOneVectorFeatureAndSkipsRowsWithoutIt() {
        Map<Integer, Features> items = new HashMap<>(rows(0, 3, 1));
        items.put(3, Features.builder().number(FeatureSchema.RATING_AVG, 2).build());
        commit("v1", EntityKind.ITEM, items);

        Map<Integer, float[]> vectors =
                store.getVectors(EntityKind.ITEM, FeatureSchema.EMBEDDING, new int[] {0, 2, 3, 4});
        assertThat(vectors).containsOnlyKeys(0, 2);
        assertThat(vectors.get(2)).containsExactly(2f, 2f, 2f, 2f);
        assertThatThrownBy(() -> store.getVectors(EntityKind.ITEM, "noSuchVector", new int[] {0}))
                .isInstanceOf(InvalidFeatureException.class)
                .hasMessageContaining("noSuchVector");
        assertThatThrownBy(() -> store.getVectors(EntityKind.ITEM, FeatureSchema.RATING_AVG, new int[] {0}))
                .isInstanceOf(InvalidFeatureException.class)
                .hasMessageContaining("not a vector");
    }

    @Test
    void getWithFeatureNamesReturnsOnlyThoseAndSkipsRowsWithoutAny() {
        Map<Integer, Features> items = new HashMap<>(rows(0, 3, 1));
        items.put(3, Features.builder().text(NAME, "no numbers").build());
        commit("v1", EntityKind.ITEM, items);

        Map<Integer, Features> got = store.get(
                EntityKind.ITEM, new int[] {0, 2, 3, 4}, List.of(FeatureSchema.RATING_COUNT, FeatureSchema.RATING_AVG));
        assertThat(got).containsOnlyKeys(0, 2);
        assertThat(got.get(2))
                .isEqualTo(Features.builder()
                        .number(FeatureSchema.RATING_AVG, 3)
                        .number(FeatureSchema.RATING_COUNT, 30)
                        .build());
        assertThatThrownBy(() -> store.get(EntityKind.ITEM, new int[] {0}, List.of("noSuchFeature")))
                .isInstanceOf(InvalidFeatureException.class)
                .hasMessageContaining("noSuchFeature");
    }

    @Test
    void updateMergesNameByNameAndIsVisibleAtOnce() {
        commit("v1", EntityKind.USER, rows(0, 3, 1));
        float[] newVector = {9f, 8f, 7f, 6f};

        store.update(
                EntityKind.USER,
                Map.of(
                        1,
                        Features.builder()
                                .number(FeatureSchema.RATING_AVG, 4.5)
                                .vector(FeatureSchema.EMBEDDING, newVector)
                                .build()));

        Features updated = store.get(EntityKind.USER, 1).orElseThrow();
        assertThat(updated.number(FeatureSchema.RATING_AVG)).hasValue(4.5);
        assertThat(updated.number(FeatureSchema.RATING_COUNT)).hasValue(20.0); // untouched, from the snapshot
        assertThat(updated.text(NAME)).contains("row 2.0");
        assertThat(updated.vector(FeatureSchema.EMBEDDING))
                .hasValueSatisfying(v -> assertThat(v).containsExactly(newVector));
        assertThat(store.getVectors(EntityKind.USER, FeatureSchema.EMBEDDING, new int[] {1})
                        .get(1))
                .containsExactly(newVector);
        assertThat(store.get(EntityKind.USER, 0)).contains(row(1, 0)); // other rows untouched
    }

    @Test
    void updateCreatesRowsThatDidNotExist() {
        commit("v1", EntityKind.USER, rows(0, 1, 1));
        Features fresh = Features.builder()
                .intList(FeatureSchema.RECENT_POSITIVES, List.of(5, 6))
                .build();

        store.update(EntityKind.USER, Map.of(42, fresh));
        store.update(EntityKind.ITEM, Map.of(43, row(3, 3)));

        assertThat(store.get(EntityKind.USER, 42)).contains(fresh);
        assertThat(store.get(EntityKind.ITEM, 43)).contains(row(3, 3));
        assertThat(store.getVectors(EntityKind.ITEM, FeatureSchema.EMBEDDING, new int[] {43}))
                .containsOnlyKeys(43);
    }

    @Test
    void updateWithoutALiveVersionIsRefused() {
        assertThatThrownBy(() -> store.update(EntityKind.USER, Map.of(1, row(1, 1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no live version");
        assertThatThrownBy(() -> store.update(EntityKind.USER, Map.of())).isInstanceOf(IllegalStateException.class);
        assertThat(store.get(EntityKind.USER, 1)).isEmpty();
    }

    @Test
    void rowsWithoutFeaturesAreNotStored() {
        Map<Integer, Features> items = new HashMap<>(rows(0, 2, 1));
        items.put(5, Features.empty());
        commit("v1", EntityKind.ITEM, items);
        store.update(EntityKind.ITEM, Map.of(6, Features.empty()));

        assertThat(store.get(EntityKind.ITEM, new int[] {0, 1, 5, 6})).containsOnlyKeys(0, 1);
    }

    @Test
    void scanVisitsEveryLiveRowOfOneKindOnce() {
        Map<Integer, Features> items = rows(0, 2_100, 0);
        commit("v1", EntityKind.ITEM, items);
        store.update(EntityKind.USER, Map.of(1, row(1, 1)));
        store.update(EntityKind.ITEM, Map.of(5_000, row(2, 2)));

        Map<Integer, Features> seen = new HashMap<>();
        List<Integer> visits = new ArrayList<>();
        store.scan(EntityKind.ITEM, (id, row) -> {
            seen.put(id, row);
            visits.add(id);
        });

        Map<Integer, Features> expected = new HashMap<>(items);
        expected.put(5_000, row(2, 2));
        assertThat(seen).isEqualTo(expected);
        assertThat(visits).hasSize(expected.size());
    }

    @Test
    void aSnapshotIsInvisibleUntilCommitThenReplacesTheLiveVersion() {
        commit("v1", EntityKind.ITEM, rows(0, 10, 1));
        store.update(EntityKind.ITEM, Map.of(0, row(100, 100)));

        try (FeatureStore.SnapshotWriter writer = store.beginSnapshot("v2")) {
            assertThat(writer.version()).isEqualTo("v2");
            writer.put(EntityKind.ITEM, rows(5, 20, 2));
            writer.put(EntityKind.USER, rows(0, 2, 2));

            // Before the commit, readers still see all of v1 and nothing of v2.
            assertThat(store.liveVersion()).contains("v1");
            assertThat(store.versions()).containsExactly("v1");
            assertThat(store.get(EntityKind.ITEM, new int[] {0, 5, 15}))
                    .isEqualTo(Map.of(0, row(100, 100), 5, row(6, 5)));
            assertThat(store.get(EntityKind.USER, 0)).isEmpty();

            writer.commit();
        }

        assertThat(store.liveVersion()).contains("v2");
        assertThat(store.versions()).containsExactly("v1", "v2");
        assertThat(store.get(EntityKind.ITEM, new int[] {0, 5, 15})).isEqualTo(Map.of(5, row(7, 5), 15, row(17, 15)));
        assertThat(store.get(EntityKind.USER, 1)).contains(row(3, 1));
    }

    @Test
    void aSnapshotPutReplacesWholeRows() {
        try (FeatureStore.SnapshotWriter writer = store.beginSnapshot("v1")) {
            writer.put(EntityKind.ITEM, Map.of(1, row(1, 1)));
            Features smaller =
                    Features.builder().number(FeatureSchema.RATING_AVG, 3).build();
            writer.put(EntityKind.ITEM, Map.of(1, smaller));
            writer.commit();
        }

        assertThat(store.get(EntityKind.ITEM, 1).orElseThrow().values()).containsOnlyKeys(FeatureSchema.RATING_AVG);
        assertThat(store.getVectors(EntityKind.ITEM, FeatureSchema.EMBEDDING, new int[] {1}))
                .isEmpty();
    }

    @Test
    void closingAWriterWithoutCommitDiscardsItsRows() {
        commit("v1", EntityKind.ITEM, rows(0, 3, 1));
        try (FeatureStore.SnapshotWriter writer = store.beginSnapshot("v2")) {
            writer.put(EntityKind.ITEM, rows(0, 100, 2));
        }

        assertThat(store.liveVersion()).contains("v1");
        assertThat(store.versions()).containsExactly("v1");
        assertThat(store.get(EntityKind.ITEM, new int[] {0, 50})).isEqualTo(Map.of(0, row(1, 0)));

        // The same name can be written again, and nothing of the discarded attempt comes back.
        commit("v2", EntityKind.ITEM, rows(0, 2, 3));
        assertThat(store.get(EntityKind.ITEM, new int[] {0, 1, 2, 50})).isEqualTo(rows(0, 2, 3));
    }

    @Test
    void aClosedOrCommittedWriterRefusesMoreWork() {
        FeatureStore.SnapshotWriter writer = store.beginSnapshot("v1");
        writer.commit();
        assertThatThrownBy(() -> writer.put(EntityKind.ITEM, rows(0, 1, 1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(writer::commit).isInstanceOf(IllegalStateException.class);
        writer.close(); // harmless after a commit
        assertThat(store.liveVersion()).contains("v1");
    }

    @Test
    void versionsAreListedOldestFirstAndRetainKeepsTheNewest() {
        commit("b-1", EntityKind.ITEM, rows(0, 1, 1));
        commit("a-2", EntityKind.ITEM, rows(0, 1, 2));
        commit("c-3", EntityKind.ITEM, rows(0, 1, 3));
        assertThat(store.versions()).containsExactly("b-1", "a-2", "c-3");

        store.retain(2);
        assertThat(store.versions()).containsExactly("a-2", "c-3");
        assertThat(store.liveVersion()).contains("c-3");
        assertThat(store.get(EntityKind.ITEM, 0)).contains(row(3, 0));

        store.retain(1);
        assertThat(store.versions()).containsExactly("c-3");
        store.retain(5);
        assertThat(store.versions()).containsExactly("c-3");
        assertThatThrownBy(() -> store.retain(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snapshotVersionNamesMustBeNewAndWellFormed() {
        commit("v1", EntityKind.ITEM, rows(0, 1, 1));

        assertThatThrownBy(() -> store.beginSnapshot("v1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("v1");
        assertThatThrownBy(() -> store.beginSnapshot("bad name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad name");
        assertThatThrownBy(() -> store.beginSnapshot("a:b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badInputIsRefusedAndNothingOfTheBatchIsWritten() {
        commit("v1", EntityKind.ITEM, rows(0, 2, 1));
        Features unknown = Features.builder().number("noSuchFeature", 1).build();
        Features wrongDimension = Features.builder()
                .vector(FeatureSchema.EMBEDDING, new float[DIM + 1])
                .build();
        Features wrongType =
                Features.builder().text(FeatureSchema.RATING_AVG, "high").build();
        List<Features> bad = List.of(unknown, wrongDimension, wrongType);

        for (int i = 0; i < bad.size(); i++) {
            Map<Integer, Features> batch = badBatch(bad.get(i));
            assertThatThrownBy(() -> store.update(EntityKind.ITEM, batch))
                    .isInstanceOf(InvalidFeatureException.class)
                    .hasMessageContaining("15");
            assertThat(store.get(EntityKind.ITEM, IntStream.range(0, 20).toArray()))
                    .as("a refused update changes nothing")
                    .isEqualTo(rows(0, 2, 1));
        }
        for (int i = 0; i < bad.size(); i++) {
            Map<Integer, Features> batch = badBatch(bad.get(i));
            try (FeatureStore.SnapshotWriter writer = store.beginSnapshot("bad" + i)) {
                assertThatThrownBy(() -> writer.put(EntityKind.ITEM, batch))
                        .isInstanceOf(InvalidFeatureException.class)
                        .hasMessageContaining("15");
                writer.put(EntityKind.USER, rows(0, 1, 1));
                writer.commit();
            }
            assertThat(store.get(EntityKind.ITEM, IntStream.range(0, 20).toArray()))
                    .as("a refused snapshot batch writes nothing")
                    .isEmpty();
            assertThat(store.get(EntityKind.USER, 0)).contains(row(1, 0));
        }
    }

    private static Map<Integer, Features> badBatch(Features bad) {
        Map<Integer, Features> batch = new HashMap<>(rows(10, 20, 5));
        batch.put(15, bad);
        batch.put(0, row(9, 9));
        return batch;
    }

    @Test
    void concurrentReadersSeeEachRowWhollyOldOrWhollyNew() throws Exception {
        int[] ids = IntStream.range(0, 200).toArray();
        commit("v1", EntityKind.ITEM, uniform(ids, 1));
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                readers.add(pool.submit(() -> {
                    int reads = 0;
                    while (!stop.get() || reads < 5) {
                        // Plain checks: assertion objects per row would slow the readers more than the store.
                        for (Features row : store.get(EntityKind.ITEM, ids).values()) {
                            double avg = row.number(FeatureSchema.RATING_AVG).orElse(-1);
                            if (!row.equals(uniform(avg))) {
                                throw new AssertionError("a row mixes versions: " + row);
                            }
                        }
                        for (float[] v : store.getVectors(EntityKind.ITEM, FeatureSchema.EMBEDDING, ids)
                                .values()) {
                            if (v[0] != v[DIM - 1]) {
                                throw new AssertionError("a vector mixes versions: " + java.util.Arrays.toString(v));
                            }
                        }
                        reads++;
                    }
                    return reads;
                }));
            }
            for (int version = 2; version <= 4; version++) {
                commit("v" + version, EntityKind.ITEM, uniform(ids, version));
                store.retain(2);
            }
            stop.set(true);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        assertThat(store.get(EntityKind.ITEM, ids)).isEqualTo(uniform(ids, 4));
    }

    private static Features uniform(double value) {
        float[] v = new float[DIM];
        java.util.Arrays.fill(v, (float) value);
        return Features.builder()
                .number(FeatureSchema.RATING_AVG, value)
                .number(FeatureSchema.RATING_COUNT, value)
                .text(NAME, "v" + value)
                .vector(FeatureSchema.EMBEDDING, v)
                .build();
    }

    private static Map<Integer, Features> uniform(int[] ids, double value) {
        Map<Integer, Features> rows = new HashMap<>();
        for (int id : ids) {
            rows.put(id, uniform(value));
        }
        return rows;
    }
}
