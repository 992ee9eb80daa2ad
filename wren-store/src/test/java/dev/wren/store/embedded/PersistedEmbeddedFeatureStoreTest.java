package dev.wren.store.embedded;

import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.PersistentFeatureStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class PersistedEmbeddedFeatureStoreTest extends PersistentFeatureStoreContract {
    @TempDir
    Path dir;

    @Override
    protected FeatureStore openEmptyStore() {
        return EmbeddedFeatureStore.open(dir.resolve("store"), contractSchema("wren-test"));
    }

    @Override
    protected FeatureStore reopen(FeatureStore closing) {
        closing.close();
        return openEmptyStore();
    }
}
