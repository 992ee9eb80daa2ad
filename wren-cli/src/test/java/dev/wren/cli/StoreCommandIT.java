package dev.wren.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.Features;
import dev.wren.store.FeatureStores;
import dev.wren.store.redis.RedisServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wren store copy} and {@code wren store info}, from an embedded store into a real redis-server. */
class StoreCommandIT {
    private static final FeatureSchema SCHEMA = FeatureSchema.standard(32);

    @TempDir
    static Path tmp;

    private static RedisServer redis;

    @BeforeAll
    static void startRedis() throws Exception {
        assumeTrue(RedisServer.available(), "redis-server not on PATH (CI installs the Debian package redis-server)");
        redis = RedisServer.start(tmp);
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void copiesTheEmbeddedLiveSnapshotIntoRedisWhereInfoAndReadsSeeIt() {
        String embedded = "embedded:" + tmp.resolve("store");
        try (FeatureStore store = FeatureStores.open(embedded, SCHEMA);
                FeatureStore.SnapshotWriter writer = store.beginSnapshot("offline-7")) {
            Map<Integer, Features> users = new HashMap<>();
            for (int id = 1; id <= 3; id++) {
                users.put(
                        id,
                        Features.builder().number(FeatureSchema.RATING_AVG, id).build());
            }
            writer.put(EntityKind.USER, users);
            writer.put(
                    EntityKind.ITEM,
                    Map.of(
                            10,
                            Features.builder()
                                    .vector(FeatureSchema.EMBEDDING, new float[32])
                                    .build()));
            writer.commit();
        }
        String target = redis.uri().toString();

        var copy = ConfigCommandTest.wren(Map.of(), "store", "copy", "--from", embedded, "--to", target);

        assertThat(copy.exitCode()).as(copy.err()).isZero();
        assertThat(copy.out()).contains("Copied version offline-7").contains("3 user rows and 1 item rows");
        var info = ConfigCommandTest.wren(Map.of(), "store", "info", "--store", target);
        assertThat(info.exitCode()).as(info.err()).isZero();
        assertThat(info.out())
                .contains("Live:     offline-7")
                .contains("users:    3 rows")
                .contains("items:    1 rows");
        try (FeatureStore copied = FeatureStores.open(target, SCHEMA)) {
            assertThat(copied.get(EntityKind.USER, 2).orElseThrow().number(FeatureSchema.RATING_AVG))
                    .hasValue(2.0);
        }

        var again = ConfigCommandTest.wren(Map.of(), "store", "copy", "--from", embedded, "--to", target);
        assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(again.err()).contains("already holds version offline-7").doesNotContain("Exception");
    }

    @Test
    void anEmptySourceIsAClearErrorNotAStackTrace() {
        var copy = ConfigCommandTest.wren(
                Map.of(), "store", "copy", "--from", "embedded:" + tmp.resolve("empty"), "--to", "memory:");

        assertThat(copy.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(copy.err()).contains("has no live version").doesNotContain("Exception");
    }
}
