package dev.wren.store.embedded;

import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.FeatureStoreContract;

class InMemoryEmbeddedFeatureStoreTest extends FeatureStoreContract {
    @Override
    protected FeatureStore openEmptyStore() {
        return EmbeddedFeatureStore.inMemory(contractSchema("wren-test"));
    }
}
