package dev.wren.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RedisFeatureStoreDescriptionTest {
    @Test
    void theDescriptionNeverHoldsThePassword() {
        assertThat(RedisFeatureStore.describe(URI.create("redis://admin:s3cret@cache.local:6380/2?timeout=5")))
                .isEqualTo("redis://***@cache.local:6380/2");
        assertThat(RedisFeatureStore.describe(URI.create("redis://:s3cret@cache.local")))
                .isEqualTo("redis://***@cache.local:6379/0");
        assertThat(RedisFeatureStore.describe(URI.create("redis://127.0.0.1:6379/0")))
                .isEqualTo("redis://127.0.0.1:6379/0");
    }
}
