package dev.wren.model.train;

import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.bundle.ModelBundle;
import dev.wren.model.data.Fingerprint;
import dev.wren.model.data.InMemorySampleSource;
import dev.wren.model.data.Sample;
import dev.wren.model.data.SampleBatch;
import dev.wren.model.eval.Evaluator;
import dev.wren.model.eval.Metrics;
import dev.wren.model.eval.RetrievalEvaluator;
import dev.wren.model.eval.RetrievalMetrics;
import dev.wren.model.eval.RetrievalTask;
import dev.wren.model.serve.FeatureRows;
import dev.wren.model.serve.ItemFeatures;
import dev.wren.model.serve.LatencyProbe;
import dev.wren.model.serve.Scorer;
import dev.wren.model.serve.TowerVectors;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving path end to end on one split: train, save a bundle, load it back against the same layout, check the
 * loaded model scores identically, and measure the latency of scoring one user against 800 candidates.
 */
public final class ServingCheck {
    private static final Logger log = LoggerFactory.getLogger(ServingCheck.class);
    public static final int CANDIDATES = 800;

    private ServingCheck() {}

    /**
     * @param bundle the saved bundle's folder
     * @param identicalAfterReload the reloaded bundle gave bit-identical test scores
     * @param test test metrics of the saved model
     * @param samplesPerSecond training throughput, wall-clock
     * @param samplesPerCpuSecond training throughput per CPU second of the training thread
     * @param latency one user x 800 candidates
     * @param retrieval Recall@10/50 and NDCG@10 over the catalogue, each user's training items left out (two-tower
     *     only)
     */
    public record Result(
            String bundle,
            boolean identicalAfterReload,
            Metrics test,
            double samplesPerSecond,
            double samplesPerCpuSecond,
            LatencyProbe.Latency latency,
            Optional<RetrievalMetrics> retrieval) {}

    public static Result run(
            ModelSpec spec, InMemorySampleSource data, CrossValidation.Split split, TrainConfig config, Path out) {
        InMemorySampleSource train = data.subset(split.train());
        InMemorySampleSource test = data.subset(split.test());
        List<Sample> catalog = RetrievalEvaluator.catalog(data.layout(), data.samples());
        try (TrainedModel model =
                ModelTrainer.train(spec, data.layout(), train, data.subset(split.validation()), config)) {
            Metrics metrics = Evaluator.evaluate(model, test);
            Path bundle = ModelBundle.save(model, out.resolve("bundles"), metrics, Fingerprint.of(train));
            SampleBatch probe;
            try (var batches = test.batches(1000, OptionalLong.empty())) {
                probe = batches.findFirst().orElseThrow();
            }
            try (TrainedModel loaded = ModelBundle.load(bundle, data.layout());
                    Scorer scorer = new Scorer(loaded, 1)) {
                boolean identical = Arrays.equals(model.score(probe), loaded.score(probe));
                Sample user = test.samples().get(0);
                List<ItemFeatures> candidates = catalog.subList(0, Math.min(CANDIDATES, catalog.size())).stream()
                        .map(s -> FeatureRows.itemOf(data.layout(), s))
                        .toList();
                LatencyProbe.Latency latency =
                        LatencyProbe.measure(scorer, FeatureRows.userOf(data.layout(), user), candidates, 20, 200);
                Optional<RetrievalMetrics> retrieval = spec.inBatchNegatives()
                        ? Optional.of(RetrievalEvaluator.evaluate(
                                new TowerVectors(loaded),
                                data.layout(),
                                RetrievalTask.of(
                                        data.layout(), List.of(train, data.subset(split.validation())), test, 300)))
                        : Optional.empty();
                log.info(
                        "{}: bundle {} identical after reload: {}; {} candidates in median {} ms, p99 {} ms"
                                + " (CPU median {} ms, p99 {} ms){}",
                        spec.name(),
                        bundle,
                        identical,
                        latency.candidates(),
                        String.format("%.2f", latency.medianMillis()),
                        String.format("%.2f", latency.p99Millis()),
                        String.format("%.2f", latency.medianCpuMillis()),
                        String.format("%.2f", latency.p99CpuMillis()),
                        retrieval.map(r -> "; " + r).orElse(""));
                return new Result(
                        bundle.toString(),
                        identical,
                        metrics,
                        model.report().samplesPerSecond(),
                        model.report().samplesPerCpuSecond(),
                        latency,
                        retrieval);
            }
        }
    }
}
