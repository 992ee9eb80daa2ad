/**
 * What a person reads after training: test evaluations with ROC curves, the per-model {@code metrics.json} written
 * beside each bundle, and a Markdown report comparing every trained model with PNG charts (ROC curves, training
 * loss and validation AUC per epoch).
 */
package dev.wren.model.report;
