package dev.wren.eval.simulate;

import dev.wren.data.synthetic.HiddenTastes;

/**
 * How a simulated user reacts to a list: a position-based click model. The user examines position {@code p}
 * (0-based) with probability {@code (1 + p)^-positionDecay} and, having examined an item, clicks it with probability
 * {@code sigmoid(intercept + sharpness (user taste . item taste))}, the generator's taste affinity with the sharpness
 * the generator chose movies with. After a click the user leaves the list with probability {@code satisfaction} (0:
 * clicks are independent; towards 1: a cascade, where one good item ends the visit). A clicked item is rated with
 * probability {@code rateShare}, with the generator's expected rating plus normal noise of {@code ratingNoise} stars,
 * rounded to half stars within 0.5..5. Immutable.
 */
public record ClickModel(
        double intercept,
        double sharpness,
        double positionDecay,
        double rateShare,
        double ratingNoise,
        double satisfaction) {
    public ClickModel {
        if (!(satisfaction >= 0 && satisfaction <= 1)) {
            throw new IllegalArgumentException("satisfaction must be in [0, 1], got " + satisfaction);
        }
        if (!(positionDecay >= 0)) {
            throw new IllegalArgumentException("positionDecay must be >= 0, got " + positionDecay);
        }
        if (!(rateShare >= 0 && rateShare <= 1)) {
            throw new IllegalArgumentException("rateShare must be in [0, 1], got " + rateShare);
        }
    }

    /**
     * The standard model for a data set: intercept -3 (a weak match is clicked a few times in a hundred), the data
     * set's own selection sharpness, examination falling as 1 / (1 + p), half of clicks rated, the data set's noise.
     */
    public static ClickModel standard(HiddenTastes truth) {
        double sharpness =
                truth.params().path("config").path("selectionSharpness").asDouble(3.0);
        double noise = truth.params().path("config").path("noise").asDouble(0.5);
        return new ClickModel(-3.0, sharpness, 1.0, 0.5, noise, 0);
    }

    /** The same model where a click ends the visit with this probability. */
    public ClickModel withSatisfaction(double newSatisfaction) {
        return new ClickModel(intercept, sharpness, positionDecay, rateShare, ratingNoise, newSatisfaction);
    }

    /**
     * The expected clicks on a list, exactly: position {@code p} is still being read with probability {@code prod over
     * q < p of (1 - satisfaction c_q)}, where {@code c_q} is the click probability at {@code q}.
     */
    public double expectedClicks(HiddenTastes truth, int userId, java.util.List<Integer> items) {
        double reading = 1;
        double clicks = 0;
        for (int p = 0; p < items.size(); p++) {
            double c = clickProbability(truth, userId, items.get(p), p);
            clicks += reading * c;
            reading *= 1 - satisfaction * c;
        }
        return clicks;
    }

    public double examination(int position) {
        return Math.pow(1 + position, -positionDecay);
    }

    public double attractiveness(HiddenTastes truth, int userId, int itemId) {
        double logit = intercept + sharpness * truth.affinity(userId, itemId);
        return 1 / (1 + Math.exp(-logit));
    }

    public double clickProbability(HiddenTastes truth, int userId, int itemId, int position) {
        return examination(position) * attractiveness(truth, userId, itemId);
    }

    /** A rating of a clicked item, on the half-star scale. */
    public double rating(HiddenTastes truth, int userId, int itemId, java.util.random.RandomGenerator random) {
        double r = truth.expectedRating(userId, itemId) + random.nextGaussian() * ratingNoise;
        return Math.max(0.5, Math.min(5.0, Math.round(r * 2) / 2.0));
    }
}
