package dev.wren.model.serve;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import dev.wren.model.data.CategoricalField;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.NumericField;
import dev.wren.model.data.SampleBatch;
import dev.wren.model.data.Side;
import dev.wren.model.train.TrainedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Scores one user against many candidates in one forward pass. Thread-safe: DJL predictors are not, so each call
 * borrows one from a fixed pool (callers beyond the pool size wait). Closing the scorer closes the predictors, not
 * the model.
 */
public final class Scorer implements AutoCloseable {
    private final FeatureLayout layout;
    private final BlockingQueue<Predictor<SampleBatch, float[]>> pool;
    private final List<Predictor<SampleBatch, float[]>> all = new ArrayList<>();

    public Scorer(TrainedModel model, int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be positive, got " + poolSize);
        }
        this.layout = model.layout();
        this.pool = new ArrayBlockingQueue<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            Predictor<SampleBatch, float[]> predictor = model.newPredictor();
            all.add(predictor);
            pool.add(predictor);
        }
    }

    /** Click probabilities of the candidates for the user, in candidate order. */
    public float[] score(UserFeatures user, List<ItemFeatures> candidates) {
        if (candidates.isEmpty()) {
            return new float[0];
        }
        SampleBatch batch = toBatch(layout, user, candidates);
        Predictor<SampleBatch, float[]> predictor;
        try {
            predictor = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a predictor", e);
        }
        try {
            return predictor.predict(batch);
        } catch (TranslateException e) {
            throw new IllegalStateException("scoring failed: " + e.getMessage(), e);
        } finally {
            pool.add(predictor);
        }
    }

    /** The request as a batch in the layout's encoding: user values repeated, candidate values per row. */
    static SampleBatch toBatch(FeatureLayout layout, UserFeatures user, List<ItemFeatures> candidates) {
        int n = candidates.size();
        int f = layout.categoricalCount();
        int m = layout.numericCount();
        int l = layout.sequenceLength();
        int[] categorical = new int[n * f];
        float[] numeric = new float[n * m];
        int[] sequence = new int[n * l];
        int[] userRow = new int[f];
        float[] userNumeric = new float[m];
        for (int j = 0; j < f; j++) {
            CategoricalField field = layout.categorical().get(j);
            if (field.side() == Side.USER) {
                userRow[j] = categorical(user.categorical(), field, "user");
            }
        }
        for (int j = 0; j < m; j++) {
            NumericField field = layout.numeric().get(j);
            if (field.side() == Side.USER) {
                userNumeric[j] = numeric(user.numeric(), field, "user");
            }
        }
        int[] recent = new int[l];
        if (layout.sequence().isPresent()) {
            System.arraycopy(user.recentItems(), 0, recent, 0, Math.min(l, user.recentItems().length));
        }
        for (int i = 0; i < n; i++) {
            ItemFeatures item = candidates.get(i);
            for (int j = 0; j < f; j++) {
                CategoricalField field = layout.categorical().get(j);
                categorical[i * f + j] = field.side() == Side.USER
                        ? userRow[j]
                        : categorical(item.categorical(), field, "candidate " + i);
            }
            for (int j = 0; j < m; j++) {
                NumericField field = layout.numeric().get(j);
                numeric[i * m + j] =
                        field.side() == Side.USER ? userNumeric[j] : numeric(item.numeric(), field, "candidate " + i);
            }
            System.arraycopy(recent, 0, sequence, i * l, l);
        }
        return new SampleBatch(n, categorical, numeric, sequence, new float[n], new long[n]);
    }

    private static int categorical(java.util.Map<String, Integer> values, CategoricalField field, String who) {
        Integer index = values.get(field.name());
        if (index == null) {
            throw new IllegalArgumentException(who + " lacks categorical field '" + field.name() + "'");
        }
        if (index < 0 || index >= field.vocabularySize()) {
            return 0; // unseen value: the reserved unknown index
        }
        return index;
    }

    private static float numeric(java.util.Map<String, Float> values, NumericField field, String who) {
        Float value = values.get(field.name());
        if (value == null || !Float.isFinite(value)) {
            throw new IllegalArgumentException(who + " lacks a finite value for numeric field '" + field.name() + "'");
        }
        return value;
    }

    @Override
    public void close() {
        all.forEach(Predictor::close);
    }
}
