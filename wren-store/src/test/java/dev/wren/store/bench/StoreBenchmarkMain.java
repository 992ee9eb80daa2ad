package dev.wren.store.bench;

import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.store.FeatureStores;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link StoreBenchmark} by hand against store locations given as arguments (default: {@code memory:} and a
 * persisted store in a temporary folder). A developer tool, not a test: e.g. {@code java -cp ...
 * dev.wren.store.bench.StoreBenchmarkMain memory: redis://127.0.0.1:6390/0}.
 */
public final class StoreBenchmarkMain {
    private static final Logger log = LoggerFactory.getLogger(StoreBenchmarkMain.class);

    private StoreBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        int items = Integer.getInteger("items", 100_000);
        int iterations = Integer.getInteger("iterations", 5_000);
        List<String> locations = new ArrayList<>(List.of(args));
        if (locations.isEmpty()) {
            locations.add("memory:");
            locations.add(
                    Files.createTempDirectory("wren-bench").resolve("store").toString());
        }
        for (String location : locations) {
            try (FeatureStore store = FeatureStores.open(location, FeatureSchema.standard(32))) {
                StoreBenchmark.Result result = StoreBenchmark.run(store, items, 32, 800, iterations, 42L);
                log.info("RESULT {}", result.summary());
            }
        }
    }
}
