package dev.wren.model.train;

import dev.wren.model.blocks.Cross;
import dev.wren.model.blocks.ModelCatalog;
import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.bundle.ModelBundle;
import dev.wren.model.data.InMemorySampleSource;
import dev.wren.model.data.SparrowSamples;
import dev.wren.model.eval.AverageRatingBaseline;
import dev.wren.model.eval.CrossValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeded 5-fold cross-validation of every model on the Sparrow course's {@code testSamples.csv}, next to the
 * average-rating floor. Writes {@code <out>/<model>/metrics.json} and {@code <out>/summary.json}.
 *
 * <p>Usage: {@code SparrowBenchmark <testSamples.csv> <out-dir> [model names...]}.
 */
public final class SparrowBenchmark {
    private static final int SMALL_DATA_BATCH = 256;

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
        return new ModelCatalog(crosses).all();
    }

    /** The floor (movie average + user average) on the same folds. */
    public static CrossValidationResult floor(InMemorySampleSource data, CrossValidation cv) {
        var layout = data.layout();
        AverageRatingBaseline baseline = new AverageRatingBaseline(
                layout.numericIndex("movieAvgRating"), layout.numericIndex("userAvgRating"), layout.numericCount());
        return cv.runBaseline("average-rating-floor", data, test -> baseline);
    }

    /**
     * What the benchmark found for one model.
     *
     * @param crossValidation 5-fold test metrics, empty when skipped
     * @param serving bundle round trip and latency on fold 1's model, empty when skipped
     */
    public record Entry(Optional<CrossValidationResult> crossValidation, Optional<ServingCheck.Result> serving) {}

    /**
     * Runs the benchmark for the named models (all when empty).
     *
     * @param crossValidate run the 5-fold cross-validation
     * @param serving train on fold 1, save and reload a bundle, check identical scores, measure latency
     */
    public static Map<String, Entry> run(
            Path csv, Path out, List<String> only, boolean crossValidate, boolean serving, boolean progress)
            throws IOException {
        InMemorySampleSource data = SparrowSamples.read(csv);
        CrossValidation cv = new CrossValidation(FOLDS, 0.1, SEED);
        Map<String, Entry> results = new LinkedHashMap<>();
        CrossValidationResult floor = floor(data, cv);
        results.put(floor.model(), new Entry(Optional.of(floor), Optional.empty()));
        log.info("floor: AUC {} PR-AUC {}", floor.rocAuc(), floor.prAuc());
        for (ModelSpec spec : models()) {
            if (!only.isEmpty() && !only.contains(spec.name())) {
                continue;
            }
            TrainConfig defaults = TrainConfig.defaultsFor(spec);
            // About 16k training rows per fold: a large default batch (DeepFM's 2,048, chosen for throughput on big
            // sample sets) would leave seven steps an epoch, so every model trains here with at most 256, as measured.
            TrainConfig config = defaults.withBatchSize(Math.min(defaults.batchSize(), SMALL_DATA_BATCH))
                    .withProgress(progress);
            Optional<CrossValidationResult> result = Optional.empty();
            if (crossValidate) {
                CrossValidationResult r = cv.run(spec, data, config);
                log.info(
                        "{}: AUC {} PR-AUC {} logloss {} accuracy {} GAUC {}",
                        spec.name(),
                        r.rocAuc(),
                        r.prAuc(),
                        r.logLoss(),
                        r.accuracy(),
                        r.groupAuc());
                result = Optional.of(r);
            }
            Optional<ServingCheck.Result> check = serving
                    ? Optional.of(ServingCheck.run(
                            spec, data, cv.splits((int) data.size()).get(0), config, out))
                    : Optional.empty();
            Entry entry = new Entry(result, check);
            results.put(spec.name(), entry);
            writeJson(entry, out.resolve(spec.name()).resolve("metrics.json"));
        }
        writeJson(results, out.resolve("summary.json"));
        return results;
    }

    private static void writeJson(Object value, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ModelBundle.mapper().writeValue(file.toFile(), value);
    }

    /** {@code SparrowBenchmark <testSamples.csv> <out-dir> [--no-cv] [--no-serving] [models...]}. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException(
                    "usage: SparrowBenchmark <testSamples.csv> <out-dir> [--no-cv] [--no-serving] [models...]");
        }
        List<String> rest = List.of(args).subList(2, args.length);
        List<String> only = rest.stream().filter(a -> !a.startsWith("--")).toList();
        run(Path.of(args[0]), Path.of(args[1]), only, !rest.contains("--no-cv"), !rest.contains("--no-serving"), true);
    }
}
