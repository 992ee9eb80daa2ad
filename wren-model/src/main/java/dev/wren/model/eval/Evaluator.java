package dev.wren.model.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wren.model.data.SampleSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Scores a source batch by batch and computes {@link Metrics}. Thread-safe if the scoring is. */
public final class Evaluator {
    private static final int BATCH = 2048;

    private Evaluator() {}

    public static Metrics evaluate(BatchScoring scoring, SampleSource source) {
        int n = Math.toIntExact(source.size());
        double[] scores = new double[n];
        double[] labels = new double[n];
        long[] groups = new long[n];
        int[] at = {0};
        try (var batches = source.batches(BATCH, OptionalLong.empty())) {
            batches.forEach(batch -> {
                float[] p = scoring.score(batch);
                if (p.length != batch.size()) {
                    throw new IllegalStateException("scorer returned " + p.length + " scores for " + batch.size());
                }
                for (int i = 0; i < p.length; i++) {
                    scores[at[0]] = p[i];
                    labels[at[0]] = batch.labels()[i];
                    groups[at[0]] = batch.groups()[i];
                    at[0]++;
                }
            });
        }
        return BinaryMetrics.compute(scores, labels, groups);
    }

    /** Writes any metrics record (or a map of them) as pretty JSON. */
    public static void writeJson(Object metrics, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), metrics);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics to " + file, e);
        }
    }
}
