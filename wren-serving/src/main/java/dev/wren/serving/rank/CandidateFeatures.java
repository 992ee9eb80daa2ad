package dev.wren.serving.rank;

import dev.wren.core.recommend.Candidate;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.TopK;
import dev.wren.serving.pipeline.UserContext;
import java.util.List;

/**
 * The dense features a learned ranker sees for one user's candidates, computed the same way when its training samples
 * are built and when it serves. Every feature is per (user, candidate) and finite:
 *
 * <ul>
 *   <li>{@code ease}, {@code als}: the standardised collaborative-filter scores ({@link CfScores});
 *   <li>{@code cf-blend}: the {@code cf} ranker's score, so that the learned ranker starts from what it must beat;
 *   <li>{@code ease-rank}, {@code als-rank}: log(1 + rank) of the candidate among the user's candidates by each
 *       filter, which does not depend on how spread the user's scores are;
 *   <li>{@code fusion}: recall's reciprocal-rank-fusion score, higher when several channels proposed the item;
 *   <li>{@code log-count}: log(1 + the item's number of ratings);
 *   <li>{@code genre-match}: the share of the item's genres among the user's favourite genres;
 *   <li>{@code log-user-count}: log(1 + the number of items the user has seen), so that the model can trust the
 *       filters more for users with a long history.
 * </ul>
 *
 * Thread-safe: immutable.
 */
public final class CandidateFeatures {
    /** The feature names, in column order. */
    public static final List<String> NAMES = List.of(
            "ease", "als", "cf-blend", "ease-rank", "als-rank", "fusion", "log-count", "genre-match", "log-user-count");

    private final Catalog catalog;
    private final double easeWeight;

    /** @param easeWeight the {@code cf} ranker's EASE weight, for {@code cf-blend} */
    public CandidateFeatures(Catalog catalog, double easeWeight) {
        this.catalog = catalog;
        this.easeWeight = easeWeight;
    }

    /** One row per candidate, one column per {@link #NAMES} entry. */
    public float[][] rows(UserContext user, List<Candidate> candidates) {
        return rows(user, candidates, CfScores.of(catalog, user, candidates));
    }

    /** As {@link #rows(UserContext, List)}, with the candidates' filter scores computed already. */
    public float[][] rows(UserContext user, List<Candidate> candidates, CfScores cf) {
        int n = candidates.size();
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = candidates.get(i).itemId();
        }
        float[] easeRank = logRanks(cf.ease(), ids);
        float[] alsRank = logRanks(cf.als(), ids);
        long favourite = genreMask(user.topGenres());
        float userCount = (float) Math.log1p(user.seenCount());
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            long itemGenres = catalog.genreMask(c.itemId());
            int genres = Long.bitCount(itemGenres);
            float genreMatch = genres == 0 ? 0f : (float) Long.bitCount(itemGenres & favourite) / genres;
            int count = catalog.contains(c.itemId()) ? catalog.stats(c.itemId()).count() : 0;
            out[i] = new float[] {
                (float) cf.ease()[i],
                (float) cf.als()[i],
                (float) cf.blend(i, easeWeight),
                easeRank[i],
                alsRank[i],
                (float) c.recallScore(),
                (float) Math.log1p(count),
                genreMatch,
                userCount
            };
        }
        return out;
    }

    private long genreMask(List<String> genres) {
        List<String> names = catalog.genres();
        long mask = 0;
        for (String g : genres) {
            int i = names.indexOf(g);
            if (i >= 0) {
                mask |= 1L << (i % 64);
            }
        }
        return mask;
    }

    /** log(1 + rank) of each entry when ordered by score, highest first (ties by id). */
    private static float[] logRanks(double[] scores, int[] ids) {
        int[] order = TopK.order(scores, ids, scores.length);
        float[] out = new float[scores.length];
        for (int rank = 0; rank < order.length; rank++) {
            out[order[rank]] = (float) Math.log1p(rank);
        }
        return out;
    }
}
