package dev.wren.model.train;

import dev.wren.model.blocks.Cross;
import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.data.InMemorySampleSource;
import dev.wren.model.data.SparrowSamples;
import dev.wren.model.eval.AverageRatingBaseline;
import dev.wren.model.eval.CrossValidationResult;
import dev.wren.model.eval.Evaluator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeded 5-fold cross-validation of every model on the Sparrow course's {@code testSamples.csv}, next to the
 * average-rating floor. Writes {@code <out>/<model>/metrics.json} and {@code <out>/summary.json}.
 *
 * <p>Usage: {@code SparrowBenchmark <testSamples.csv> <out-dir> [model names...]}.
 */
public final class SparrowBenchmark {
    private static final Logger log = LoggerFactory.getLogger(SparrowBenchmark.class);
    public static final int FOLDS = 5;
    public static final long SEED = 2024;

    private SparrowBenchmark() {}

    /** The models as configured for Sparrow: defaults, with user-genre x movie-genre crosses for the wide parts. */
    public static List<ModelSpec> models() {
        List<Cross> crosses = new ArrayList<>();
        for (String user : SparrowSamples.USER_GENRES.subList(0, 2)) {
            for (String movie : SparrowSamples.MOVIE_GENRES) {
                crosses.add(new Cross(user, movie));
            }
        }
        return List.of(
                new ModelSpec.LogisticRegressionSpec(crosses),
                ModelSpec.EmbeddingMlpSpec.defaults(),
                ModelSpec.WideDeepSpec.defaults(crosses),
                ModelSpec.DeepFmSpec.defaults(),
                ModelSpec.NeuralCfSpec.defaults(),
                ModelSpec.DeepCrossSpec.defaults(),
                ModelSpec.PnnSpec.defaults(),
                ModelSpec.DinSpec.defaults(),
                ModelSpec.DienSpec.defaults(),
                ModelSpec.TwoTowerSpec.defaults());
    }

    /** The floor (movie average + user average) on the same folds. */
    public static CrossValidationResult floor(InMemorySampleSource data, CrossValidation cv) {
        var layout = data.layout();
        AverageRatingBaseline baseline = new AverageRatingBaseline(
                layout.numericIndex("movieAvgRating"), layout.numericIndex("userAvgRating"), layout.numericCount());
        return cv.runBaseline("average-rating-floor", data, test -> baseline);
    }

    /** Runs the benchmark for the named models (all when empty). */
    public static Map<String, CrossValidationResult> run(Path csv, Path out, List<String> only, boolean progress)
            throws IOException {
        InMemorySampleSource data = SparrowSamples.read(csv);
        CrossValidation cv = new CrossValidation(FOLDS, 0.1, SEED);
        Map<String, CrossValidationResult> results = new LinkedHashMap<>();
        CrossValidationResult floor = floor(data, cv);
        results.put(floor.model(), floor);
        log.info("floor: AUC {} PR-AUC {}", floor.rocAuc(), floor.prAuc());
        for (ModelSpec spec : models()) {
            if (!only.isEmpty() && !only.contains(spec.name())) {
                continue;
            }
            CrossValidationResult result =
                    cv.run(spec, data, TrainConfig.defaultsFor(spec).withProgress(progress));
            results.put(spec.name(), result);
            Evaluator.writeJson(result, out.resolve(spec.name()).resolve("metrics.json"));
            log.info(
                    "{}: AUC {} PR-AUC {} logloss {} accuracy {} GAUC {}",
                    spec.name(),
                    result.rocAuc(),
                    result.prAuc(),
                    result.logLoss(),
                    result.accuracy(),
                    result.groupAuc());
        }
        Evaluator.writeJson(results, out.resolve("summary.json"));
        return results;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: SparrowBenchmark <testSamples.csv> <out-dir> [models...]");
        }
        List<String> only = List.of(args).subList(2, args.length);
        run(Path.of(args[0]), Path.of(args[1]), only, true);
    }
}
