package dev.wren.model.train;

import dev.wren.model.eval.RetrievalMetrics;
import java.util.List;
import java.util.Optional;

/**
 * What a training run did.
 *
 * @param epochsRun passes over the training data
 * @param bestEpoch 1-based epoch whose parameters were kept: the best validation AUC for a ranking model, the best
 *     validation Recall@50 for a retrieval (two-tower) model
 * @param bestValidationAuc validation ROC-AUC of that epoch
 * @param trainLosses mean training loss per epoch
 * @param validationAucs validation ROC-AUC per epoch
 * @param samplesPerSecond training throughput in wall-clock time (forward, backward and update; validation excluded)
 * @param samplesPerCpuSecond the same per CPU second of the training thread, which with one PyTorch thread is
 *     unaffected by other processes competing for the cores
 * @param validationRetrieval a retrieval model's Recall@10/50 and NDCG@10 on the validation slice per epoch (exact
 *     top-K over the catalogue, each user's training items left out); empty for ranking models
 */
public record TrainingReport(
        int epochsRun,
        int bestEpoch,
        double bestValidationAuc,
        List<Double> trainLosses,
        List<Double> validationAucs,
        double samplesPerSecond,
        double samplesPerCpuSecond,
        List<RetrievalMetrics> validationRetrieval) {
    public TrainingReport {
        trainLosses = List.copyOf(trainLosses);
        validationAucs = List.copyOf(validationAucs);
        // Absent from bundles written before retrieval models were selected by recall.
        validationRetrieval = validationRetrieval == null ? List.of() : List.copyOf(validationRetrieval);
    }

    /** The kept epoch's validation retrieval measures; empty for a ranking model. */
    public Optional<RetrievalMetrics> bestValidationRetrieval() {
        return validationRetrieval.size() >= bestEpoch && bestEpoch > 0
                ? Optional.of(validationRetrieval.get(bestEpoch - 1))
                : Optional.empty();
    }
}
