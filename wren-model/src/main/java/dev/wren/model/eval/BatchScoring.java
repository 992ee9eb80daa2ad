package dev.wren.model.eval;

import dev.wren.model.data.SampleBatch;

/** Something that gives a click probability per sample of a batch: a trained model, a scorer, or a baseline. */
@FunctionalInterface
public interface BatchScoring {
    float[] score(SampleBatch batch);
}
