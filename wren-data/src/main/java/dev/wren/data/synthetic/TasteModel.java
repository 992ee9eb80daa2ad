package dev.wren.data.synthetic;

/**
 * The fixed constants of the rating model, written to {@code hidden/params.json} so a reader can rebuild the
 * expected rating: {@code globalMean + userBias + movieBias + dot(userTaste(t), movieTaste)}, plus noise, rounded.
 */
record TasteModel(
        double globalMean,
        double userBiasStd,
        double movieBiasStd,
        double popularityBias,
        double userTasteNorm,
        double movieTasteNorm,
        double movieTasteSpread,
        double userNoise,
        double movieNoise,
        double popularityOffset,
        double meanAgeYears) {

    static TasteModel standard() {
        return new TasteModel(2.6, 0.45, 0.3, 0.1, 1.8, 1.0, 0.25, 0.5, 0.6, 1.0, 12.0);
    }
}
