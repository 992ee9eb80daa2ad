package dev.wren.model.topk;

import java.util.List;
import java.util.Optional;

/**
 * The JSON manifest of a saved {@link TopKRanker}: what a caller must feed it and how well it did when trained.
 *
 * @param formatVersion the folder format, {@link TopKRanker#FORMAT_VERSION}
 * @param featureNames the features each scored row must hold, in this order
 * @param means each feature's mean over the training rows
 * @param deviations each feature's standard deviation over the training rows (1 for a constant feature)
 * @param hidden the MLP's hidden widths
 * @param bestEpoch the epoch whose parameters were kept
 * @param validationNdcg the kept epoch's mean per-user NDCG@10 on the validation users
 * @param bestFeature the single feature (ranked highest first, or lowest first when prefixed by '-') with the best
 *     validation NDCG@10
 * @param bestFeatureNdcg that feature's validation NDCG@10, the score the model has to beat
 * @param parametersSha256 SHA-256 of the parameters file
 */
public record TopKRankerManifest(
        int formatVersion,
        List<String> featureNames,
        float[] means,
        float[] deviations,
        List<Integer> hidden,
        int bestEpoch,
        double validationNdcg,
        String bestFeature,
        double bestFeatureNdcg,
        String parametersSha256) {

    /** What is wrong with a manifest read from a file, if anything (Jackson leaves absent fields null). */
    Optional<String> problem() {
        if (featureNames == null || featureNames.isEmpty() || means == null || deviations == null || hidden == null) {
            return Optional.of("lacks featureNames, means, deviations or hidden");
        }
        if (means.length != featureNames.size() || deviations.length != featureNames.size()) {
            return Optional.of(featureNames.size() + " feature names but " + means.length + " means and "
                    + deviations.length + " deviations");
        }
        if (parametersSha256 == null) {
            return Optional.of("lacks parametersSha256");
        }
        return Optional.empty();
    }

    TopKRankerManifest withChecksum(String sha256) {
        return new TopKRankerManifest(
                formatVersion,
                featureNames,
                means,
                deviations,
                hidden,
                bestEpoch,
                validationNdcg,
                bestFeature,
                bestFeatureNdcg,
                sha256);
    }
}
