package dev.wren.model.eval;

import java.util.List;

/**
 * Per-fold and summarised test metrics of a k-fold cross-validation.
 *
 * @param model model name
 * @param folds per-fold test metrics
 * @param samplesPerSecond per-fold training throughput (wall-clock)
 * @param samplesPerCpuSecond per-fold training throughput per CPU second of the training thread
 * @param rocAuc summary of ROC-AUC
 * @param prAuc summary of PR-AUC
 * @param logLoss summary of log loss
 * @param accuracy summary of accuracy
 * @param groupAuc summary of group AUC
 */
public record CrossValidationResult(
        String model,
        List<Metrics> folds,
        List<Double> samplesPerSecond,
        List<Double> samplesPerCpuSecond,
        Summary rocAuc,
        Summary prAuc,
        Summary logLoss,
        Summary accuracy,
        Summary groupAuc) {

    public static CrossValidationResult of(
            String model, List<Metrics> folds, List<Double> samplesPerSecond, List<Double> samplesPerCpuSecond) {
        return new CrossValidationResult(
                model,
                List.copyOf(folds),
                List.copyOf(samplesPerSecond),
                List.copyOf(samplesPerCpuSecond),
                Summary.of(folds.stream().map(Metrics::rocAuc).toList()),
                Summary.of(folds.stream().map(Metrics::prAuc).toList()),
                Summary.of(folds.stream().map(Metrics::logLoss).toList()),
                Summary.of(folds.stream().map(Metrics::accuracy).toList()),
                Summary.of(folds.stream().map(Metrics::groupAuc).toList()));
    }
}
