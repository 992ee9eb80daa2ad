package dev.wren.model.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.wren.model.eval.Metrics;
import dev.wren.model.eval.RetrievalMetrics;
import dev.wren.model.train.TrainingReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code metrics.json} written beside a bundle: what was trained on what, and how it did on the test split.
 *
 * @param model model name
 * @param bundle the bundle folder
 * @param samples the offline output folder
 * @param split the split evaluated ("time" is leak-free)
 * @param test metrics on the split's test samples
 * @param roc the test ROC curve
 * @param training per-epoch training loss and validation AUC, throughput
 * @param trainSamples samples trained on (the validation slice excluded)
 * @param validationSamples samples of the validation slice
 * @param trainSeconds wall-clock seconds of the whole training call
 * @param retrieval a retrieval (two-tower) model's Recall@10/50 and NDCG@10 on the test split: an exact top-K search
 *     over all items for each test user, the user's training and validation items left out, every test interaction
 *     relevant; empty for a ranking model
 * @param popularityRetrieval the same measures of the popularity baseline (items by training interactions)
 */
public record ModelResult(
        String model,
        String bundle,
        String samples,
        String split,
        Metrics test,
        Curve roc,
        TrainingReport training,
        long trainSamples,
        long validationSamples,
        double trainSeconds,
        Optional<RetrievalMetrics> retrieval,
        Optional<RetrievalMetrics> popularityRetrieval) {
    public static final String FILE = "metrics.json";

    public ModelResult {
        // Absent from the metrics.json of ranking models and of bundles written before.
        retrieval = retrieval == null ? Optional.empty() : retrieval;
        popularityRetrieval = popularityRetrieval == null ? Optional.empty() : popularityRetrieval;
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new Jdk8Module()).enable(SerializationFeature.INDENT_OUTPUT);
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            mapper().writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static ModelResult read(Path file) {
        try {
            return mapper().readValue(file.toFile(), ModelResult.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not a Wren metrics.json: " + e.getMessage(), e);
        }
    }
}
