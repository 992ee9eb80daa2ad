package dev.wren.model.train;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wren.model.data.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the full Sparrow benchmark on demand (minutes, so not part of the build):
 * {@code ./mvnw -o -pl wren-model test -Dtest=SparrowBenchmarkRunner -Dwren.benchmark=true
 * [-Dwren.benchmark.models=din,dien]}. Results go to {@code wren-model/target/sparrow-benchmark}.
 */
class SparrowBenchmarkRunner {
    @Test
    void crossValidatesEveryModelOnSparrow() throws Exception {
        assumeTrue(Boolean.getBoolean("wren.benchmark"), "benchmark runs only with -Dwren.benchmark=true");
        Path csv = SharedData.sparrowSamples().orElse(null);
        assumeTrue(csv != null, "shared/data/sparrow/samples/testSamples.csv not found beside the repository");
        String models = System.getProperty("wren.benchmark.models", "");
        List<String> only = models.isBlank() ? List.of() : List.of(models.split(","));
        SparrowBenchmark.run(csv, Path.of("target", "sparrow-benchmark"), only, true, true, false);
    }
}
