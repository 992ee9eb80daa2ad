package dev.wren.eval;

import dev.wren.core.eval.TopKAccumulator;
import dev.wren.core.eval.TopKResult;
import dev.wren.eval.baseline.TopKRecommender;
import dev.wren.eval.data.ItemSpace;
import dev.wren.eval.data.RatingLog;
import dev.wren.eval.data.TrainingData;
import dev.wren.eval.data.UserIndex;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Scores a recommender's lists against held-out ratings: every test user (one with held-out ratings and training
 * ratings) asks for the largest cut-off's list once; each held-out item is relevant (binary relevance, whatever its
 * rating). Thread-safe; users are scored in parallel.
 */
public final class TopKEvaluator {
    private final TrainingData train;
    private final UserIndex test;
    private final int[] ks;
    private final int[] users;

    public TopKEvaluator(TrainingData train, RatingLog test, int[] ks) {
        this.train = train;
        this.test = new UserIndex(test);
        this.ks = ks.clone();
        this.users = IntStream.range(0, this.test.userCount())
                .map(this.test::userId)
                .filter(u -> train.users().indexOf(u).isPresent())
                .toArray();
    }

    /** The users scored: those with both training and held-out ratings, in increasing id order. */
    public int[] users() {
        return users.clone();
    }

    /** A user's held-out items, sorted. */
    public int[] heldOut(int userId) {
        return test.itemsOf(userId);
    }

    public int[] ks() {
        return ks.clone();
    }

    public TrainingData train() {
        return train;
    }

    /** The recommender's scores at every cut-off. */
    public Map<Integer, TopKResult> evaluate(TopKRecommender recommender) {
        TopKAccumulator acc = accumulator();
        int maxK = acc.maxK();
        Arrays.stream(users).parallel().forEach(u -> add(acc, u, recommender.recommend(u, maxK)));
        return acc.results();
    }

    /** A fresh accumulator over this evaluation's cut-offs and catalogue. */
    public TopKAccumulator accumulator() {
        ItemSpace items = train.items();
        return new TopKAccumulator(ks, items.size(), id -> {
            int s = items.slot(id);
            return s == ItemSpace.NONE ? items.size() : train.popularityRank(s);
        });
    }

    /** Adds one user's list to an accumulator. */
    public void add(TopKAccumulator acc, int userId, int[] ranked) {
        int[] relevant = test.itemsOf(userId);
        acc.add(ranked, id -> Arrays.binarySearch(relevant, id) >= 0, relevant.length, train.items()::slot);
    }
}
