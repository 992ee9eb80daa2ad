package dev.wren.model.train;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import dev.wren.model.blocks.FeatureTranslator;
import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.NumericScaling;
import dev.wren.model.data.SampleBatch;
import dev.wren.model.eval.BatchScoring;

/**
 * A model with its parameters, the spec and layout it was built for, and the numeric scaling fitted on its training
 * data. Owns the DJL {@link Model}: close it. {@link #score} is safe from several threads (a predictor per call);
 * for repeated serving use a {@link dev.wren.model.serve.Scorer}.
 */
public final class TrainedModel implements AutoCloseable, BatchScoring {
    private final Model model;
    private final ModelSpec spec;
    private final FeatureLayout layout;
    private final NumericScaling scaling;
    private final TrainingReport report;

    public TrainedModel(
            Model model, ModelSpec spec, FeatureLayout layout, NumericScaling scaling, TrainingReport report) {
        this.model = model;
        this.spec = spec;
        this.layout = layout;
        this.scaling = scaling;
        this.report = report;
    }

    public Model model() {
        return model;
    }

    public ModelSpec spec() {
        return spec;
    }

    public FeatureLayout layout() {
        return layout;
    }

    public NumericScaling scaling() {
        return scaling;
    }

    public TrainingReport report() {
        return report;
    }

    public FeatureTranslator translator() {
        return new FeatureTranslator(layout, scaling);
    }

    /** A predictor over this model; not thread-safe, close it. */
    public Predictor<SampleBatch, float[]> newPredictor() {
        return model.newPredictor(translator());
    }

    @Override
    public float[] score(SampleBatch batch) {
        try (Predictor<SampleBatch, float[]> predictor = newPredictor()) {
            return predictor.predict(batch);
        } catch (TranslateException e) {
            throw new IllegalStateException("scoring failed for model " + spec.name(), e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
