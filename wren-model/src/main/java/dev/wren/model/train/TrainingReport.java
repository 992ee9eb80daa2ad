package dev.wren.model.train;

import java.util.List;

/**
 * What a training run did.
 *
 * @param epochsRun passes over the training data
 * @param bestEpoch 1-based epoch whose parameters were kept
 * @param bestValidationAuc validation ROC-AUC of that epoch
 * @param trainLosses mean training loss per epoch
 * @param validationAucs validation ROC-AUC per epoch
 * @param samplesPerSecond training throughput in wall-clock time (forward, backward and update; validation excluded)
 * @param samplesPerCpuSecond the same per CPU second of the training thread, which with one PyTorch thread is
 *     unaffected by other processes competing for the cores
 */
public record TrainingReport(
        int epochsRun,
        int bestEpoch,
        double bestValidationAuc,
        List<Double> trainLosses,
        List<Double> validationAucs,
        double samplesPerSecond,
        double samplesPerCpuSecond) {
    public TrainingReport {
        trainLosses = List.copyOf(trainLosses);
        validationAucs = List.copyOf(validationAucs);
    }
}
