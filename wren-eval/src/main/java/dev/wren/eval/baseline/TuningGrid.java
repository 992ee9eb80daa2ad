package dev.wren.eval.baseline;

/**
 * The settings tried on validation for the collaborative filters.
 *
 * @param easeLambdas EASE's L2 weights
 * @param easeDropouts the dropout probabilities tried for the pipeline's EASE (EDLAE), each at the baseline's chosen
 *     lambda and at a half and a quarter of it (dropout adds regularisation of its own)
 * @param alsRegs ALS's regParams, each tried with each of
 * @param alsAlphas ALS's confidence weights
 * @param blendWeights EASE's weight in its blend with ALS
 */
public record TuningGrid(
        double[] easeLambdas, double[] easeDropouts, double[] alsRegs, double[] alsAlphas, double[] blendWeights) {
    public TuningGrid {
        easeLambdas = easeLambdas.clone();
        easeDropouts = easeDropouts.clone();
        alsRegs = alsRegs.clone();
        alsAlphas = alsAlphas.clone();
        blendWeights = blendWeights.clone();
        if (easeLambdas.length == 0 || alsRegs.length == 0 || alsAlphas.length == 0 || blendWeights.length == 0) {
            throw new IllegalArgumentException("every part of the tuning grid needs a value");
        }
    }

    /** The full grid: 6 EASE lambdas, 3 dropouts, 16 ALS settings, 5 blend weights. */
    public static TuningGrid standard() {
        return new TuningGrid(
                new double[] {50, 100, 200, 400, 800, 1600},
                new double[] {0.25, 0.5, 0.75},
                new double[] {0.1, 0.3, 1, 3},
                new double[] {1, 3, 10, 30},
                new double[] {0.2, 0.35, 0.5, 0.65, 0.8});
    }

    /** A small grid around the defaults, for quick runs and tests: 3 lambdas, 1 dropout, 4 ALS settings, 3 weights. */
    public static TuningGrid quick() {
        return new TuningGrid(
                new double[] {200, 400, 800},
                new double[] {0.5},
                new double[] {0.3, 1},
                new double[] {3, 10},
                new double[] {0.2, 0.35, 0.5});
    }
}
