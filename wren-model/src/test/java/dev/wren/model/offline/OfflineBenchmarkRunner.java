package dev.wren.model.offline;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.bundle.ModelBundle;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.Sample;
import dev.wren.model.data.SampleBatch;
import dev.wren.model.eval.Evaluator;
import dev.wren.model.serve.FeatureRows;
import dev.wren.model.serve.ItemFeatures;
import dev.wren.model.serve.LatencyProbe;
import dev.wren.model.serve.Scorer;
import dev.wren.model.train.ModelTrainer;
import dev.wren.model.train.TrainConfig;
import dev.wren.model.train.TrainedModel;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Training throughput on a few million Parquet samples and 800-candidate scoring latency, on demand (minutes):
 * {@code ./mvnw -o -pl wren-model test -Dtest=OfflineBenchmarkRunner -Dwren.benchmark=true
 * [-Dwren.benchmark.rows=2000000] [-Dwren.benchmark.model=deepfm]
 * [-Dwren.benchmark.bundle=DIR -Dwren.benchmark.samples=DIR]}. Writes {@code target/offline-benchmark/summary.json}.
 */
class OfflineBenchmarkRunner {
    private static final int CANDIDATES = 800;

    @Test
    void measuresTrainingThroughputAndScoringLatency() throws Exception {
        assumeTrue(Boolean.getBoolean("wren.benchmark"), "benchmark runs only with -Dwren.benchmark=true");
        Path out = Path.of("target", "offline-benchmark");
        Map<String, Object> summary = new LinkedHashMap<>();
        String bundle = System.getProperty("wren.benchmark.bundle", "");
        if (!bundle.isBlank()) {
            OfflineSamples samples =
                    OfflineSamples.open(Path.of(System.getProperty("wren.benchmark.samples")), "time", 0.1);
            try (TrainedModel model = ModelBundle.load(Path.of(bundle), samples.layout())) {
                summary.put("bundle", bundle);
                summary.put("latency", latency(model, samples));
            }
            Evaluator.writeJson(summary, out.resolve("latency-summary.json"));
            System.out.println(summary);
            return;
        }
        int rows = Integer.getInteger("wren.benchmark.rows", 2_000_000);
        String name = System.getProperty("wren.benchmark.model", "deepfm");
        Path dir = out.resolve("samples-" + rows);
        if (!Files.exists(dir.resolve(OfflineManifest.FILE))) {
            long start = System.nanoTime();
            SyntheticOfflineSamples.write(dir, 100_000, 20_000, rows, rows / 10, 42, 64 << 20);
            summary.put("writeSeconds", (System.nanoTime() - start) / 1e9);
        }
        OfflineSamples samples = OfflineSamples.open(dir, "time", 0.1);
        summary.put("trainSamples", samples.train().size());
        // Reading and decoding alone, to separate the input pipeline's cost from the model's.
        var threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        long[] n = {0};
        try (var batches = samples.train().batches(256, OptionalLong.of(1))) {
            batches.forEach(b -> n[0] += b.size());
        }
        summary.put("readSamplesPerSecond", n[0] / ((System.nanoTime() - start) / 1e9));
        summary.put("readSamplesPerCpuSecond", n[0] / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9));
        ModelSpec spec = OfflineTraining.catalog(samples.layout()).byName(name);
        TrainConfig config = TrainConfig.defaultsFor(spec).withEpochs(1, 1).withProgress(true);
        try (TrainedModel model =
                ModelTrainer.train(spec, samples.layout(), samples.train(), samples.validation(), config)) {
            summary.put("model", name);
            summary.put("trainSamplesPerSecond", model.report().samplesPerSecond());
            summary.put("trainSamplesPerCpuSecond", model.report().samplesPerCpuSecond());
            summary.put("validationAuc", model.report().bestValidationAuc());
            summary.put("latency", latency(model, samples));
        }
        Evaluator.writeJson(summary, out.resolve("summary.json"));
        System.out.println(summary);
    }

    private static LatencyProbe.Latency latency(TrainedModel model, OfflineSamples samples) {
        FeatureLayout layout = samples.layout();
        List<Sample> test = new ArrayList<>();
        try (var batches = samples.test().batches(CANDIDATES, OptionalLong.empty())) {
            SampleBatch first = batches.findFirst().orElseThrow();
            for (int i = 0; i < first.size(); i++) {
                test.add(sample(layout, first, i));
            }
        }
        List<ItemFeatures> candidates =
                test.stream().map(s -> FeatureRows.itemOf(layout, s)).toList();
        try (Scorer scorer = new Scorer(model, 1)) {
            return LatencyProbe.measure(scorer, FeatureRows.userOf(layout, test.get(0)), candidates, 20, 200);
        }
    }

    private static Sample sample(FeatureLayout layout, SampleBatch b, int i) {
        int c = layout.categoricalCount();
        int m = layout.numericCount();
        int s = layout.sequenceLength();
        int[] categorical = new int[c];
        float[] numeric = new float[m];
        int[] sequence = new int[s];
        System.arraycopy(b.categorical(), i * c, categorical, 0, c);
        System.arraycopy(b.numeric(), i * m, numeric, 0, m);
        System.arraycopy(b.sequence(), i * s, sequence, 0, s);
        return new Sample(categorical, numeric, sequence, b.labels()[i], b.groups()[i]);
    }
}
