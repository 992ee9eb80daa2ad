package dev.wren.store.embedded;

import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.FeatureStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class PersistedEmbeddedFeatureStoreTest extends FeatureStoreContract {
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
