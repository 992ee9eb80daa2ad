package dev.wren.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.FeatureStoreException;
import dev.wren.core.store.PersistentFeatureStoreContract;
import dev.wren.store.FeatureStores;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

class RedisFeatureStoreIT extends PersistentFeatureStoreContract {
    @TempDir
    static Path workDir;

    private static RedisServer server;
    private static RedisClient admin;

    @BeforeAll
    static void startRedis() throws Exception {
        assumeTrue(RedisServer.available(), "redis-server not on PATH (CI installs the Debian package redis-server)");
        server = RedisServer.start(workDir);
        admin = RedisClient.create(server.uri());
    }

    @AfterAll
    static void stopRedis() {
        if (admin != null) {
            admin.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected FeatureStore openEmptyStore() {
        admin.flushDB();
        return RedisFeatureStore.open(server.uri(), contractSchema("wren-test"));
    }

    @Override
    protected FeatureStore reopen(FeatureStore closing) {
        closing.close();
        return RedisFeatureStore.open(server.uri(), contractSchema("wren-test"));
    }

    @Test
    void rowsAreHashesAtTheSchemaKeysWithCodecValues() {
        commit("v1", EntityKind.ITEM, rows(0, 2, 1));
        FeatureSchema schema = store.schema();

        assertThat(admin.get(schema.liveVersionKey())).isEqualTo("v1");
        assertThat(admin.zrange(schema.versionsKey(), 0, -1)).containsExactly("v1");
        assertThat(admin.hkeys(schema.rowKey("v1", EntityKind.ITEM, 1)))
                .containsExactlyInAnyOrderElementsOf(row(2, 1).values().keySet());
        byte[] vector =
                admin.hget(schema.rowKey("v1", EntityKind.ITEM, 1).getBytes(), FeatureSchema.EMBEDDING.getBytes());
        assertThat(vector).hasSize(5 + 4 * DIM);
    }

    @Test
    void namespacesKeepDeploymentsApart() {
        commit("v1", EntityKind.ITEM, rows(0, 2, 1));
        try (FeatureStore other = RedisFeatureStore.open(server.uri(), contractSchema("other"))) {
            assertThat(other.liveVersion()).isEmpty();
            assertThat(other.get(EntityKind.ITEM, new int[] {0, 1})).isEmpty();
        }
    }

    @Test
    void aCommitByAnotherProcessIsSeenByTheNextRead() {
        commit("v1", EntityKind.ITEM, rows(0, 2, 1));
        assertThat(store.get(EntityKind.ITEM, 0)).contains(row(1, 0));
        try (FeatureStore writerProcess = RedisFeatureStore.open(server.uri(), store.schema());
                FeatureStore.SnapshotWriter writer = writerProcess.beginSnapshot("v2")) {
            writer.put(EntityKind.ITEM, rows(0, 2, 5));
            writer.commit();
            writerProcess.retain(1);
        }

        assertThat(store.get(EntityKind.ITEM, 0)).contains(row(5, 0));
        assertThat(store.getVectors(EntityKind.ITEM, FeatureSchema.EMBEDDING, new int[] {1}))
                .containsOnlyKeys(1);
        store.update(EntityKind.ITEM, Map.of(7, row(7, 7)));
        assertThat(admin.exists(store.schema().rowKey("v2", EntityKind.ITEM, 7)))
                .isTrue();
        assertThat(admin.exists(store.schema().rowKey("v1", EntityKind.ITEM, 7)))
                .isFalse();
    }

    @Test
    void retainDeletesTheKeysOfDroppedVersions() {
        commit("v1", EntityKind.ITEM, rows(0, 50, 1));
        commit("v2", EntityKind.ITEM, rows(0, 50, 2));
        store.retain(1);

        assertThat(admin.keys(store.schema().namespace() + ":v:v1:*")).isEmpty();
        assertThat(admin.keys(store.schema().namespace() + ":v:v2:*")).hasSize(50);
    }

    @Test
    void theStoreDescriptionHidesThePassword() {
        URI uri = URI.create("redis://admin:s3cret@127.0.0.1:" + server.port() + "/0");
        assertThatThrownBy(() -> FeatureStores.open(uri, store.schema()))
                .isInstanceOf(FeatureStoreException.class)
                .hasMessageNotContaining("s3cret");
        assertThat(store.toString()).contains("127.0.0.1:" + server.port()).contains("wren-test");
    }

    @Test
    void anUnreachableServerGivesAClearError() {
        assertThatThrownBy(() -> RedisFeatureStore.open(URI.create("redis://127.0.0.1:1/0"), store.schema()))
                .isInstanceOf(FeatureStoreException.class)
                .hasMessageContaining("127.0.0.1:1/0")
                .hasMessageContaining("cannot talk to Redis");
    }
}
