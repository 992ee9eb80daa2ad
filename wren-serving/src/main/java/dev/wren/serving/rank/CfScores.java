package dev.wren.serving.rank;

import dev.wren.core.recommend.Candidate;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.CfModel;
import dev.wren.serving.pipeline.UserContext;
import java.util.List;

/**
 * One user's EASE and ALS scores of their candidates, each standardised over the catalogue items the user has not
 * seen, so that the two scales meet whichever candidates recall found. A candidate without ALS factors takes the
 * lowest ALS score among the candidates.
 *
 * @param ease standardised EASE score per candidate, in candidate order
 * @param als standardised ALS score per candidate
 * @param signal false for a user neither filter knows anything about (a new user, or one whose items they do not
 *     model): their scores are all zero and say nothing
 */
public record CfScores(double[] ease, double[] als, boolean signal) {

    /** The scores of {@code candidates} for {@code user}. */
    public static CfScores of(Catalog catalog, UserContext user, List<Candidate> candidates) {
        int n = candidates.size();
        double[] ease = new double[n];
        double[] als = new double[n];
        CfModel.EaseScores easeScores = user.easeScores();
        float[] factors = user.cfFactors().orElse(null);
        double alsMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            int slot = catalog.slots().slot(candidates.get(i).itemId());
            ease[i] = slot < 0 ? 0 : easeScores.score(slot);
            als[i] = factors == null || slot < 0 ? Double.NaN : user.cf().factorScore(factors, slot);
            if (!Double.isNaN(als[i])) {
                alsMin = Math.min(alsMin, als[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(als[i])) {
                als[i] = Double.isInfinite(alsMin) ? 0 : alsMin;
            }
        }
        int[] seen = user.seenSlots();
        standardise(ease, easeScores.moments(seen));
        standardise(als, factors == null ? new double[] {0, 0} : user.cf().factorScoreMoments(factors, seen));
        return new CfScores(ease, als, easeScores.touched().length > 0 || factors != null);
    }

    /** EASE's weight times its score plus the rest times ALS's, for candidate {@code i}. */
    public double blend(int i, double easeWeight) {
        return easeWeight * ease[i] + (1 - easeWeight) * als[i];
    }

    /** In place: minus the mean, over the standard deviation (all zero when the deviation is). */
    static void standardise(double[] x, double[] meanAndDeviation) {
        double mean = meanAndDeviation[0];
        double sd = meanAndDeviation[1];
        for (int i = 0; i < x.length; i++) {
            x[i] = sd > 0 ? (x[i] - mean) / sd : 0;
        }
    }
}
