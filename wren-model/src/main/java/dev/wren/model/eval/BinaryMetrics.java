package dev.wren.model.eval;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binary-classification measures over predicted probabilities. Thread-safe: static pure functions only.
 *
 * <p>Ties are handled exactly: ROC-AUC gives tied scores the average rank (Mann-Whitney U), PR-AUC (average
 * precision) steps once per distinct score, so the result never depends on the input order.
 */
public final class BinaryMetrics {
    /** Probabilities are clipped to [EPSILON, 1 - EPSILON] for log loss, as Keras does. */
    public static final double EPSILON = 1e-7;

    private BinaryMetrics() {}

    /** All measures at once; {@code groups} (e.g. user ids) feed the group AUC. */
    public static Metrics compute(double[] probabilities, double[] labels, long[] groups) {
        checkLengths(probabilities, labels);
        if (groups.length != labels.length) {
            throw new IllegalArgumentException(
                    "groups has " + groups.length + " entries but labels has " + labels.length);
        }
        return new Metrics(
                labels.length,
                logLoss(probabilities, labels),
                accuracy(probabilities, labels, 0.5),
                rocAuc(probabilities, labels),
                prAuc(probabilities, labels),
                groupAuc(probabilities, labels, groups));
    }

    /** Mean binary cross-entropy of probabilities against 0/1 labels. */
    public static double logLoss(double[] probabilities, double[] labels) {
        checkLengths(probabilities, labels);
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            double p = Math.min(1 - EPSILON, Math.max(EPSILON, probabilities[i]));
            sum += labels[i] > 0.5 ? -Math.log(p) : -Math.log(1 - p);
        }
        return sum / labels.length;
    }

    /** Share of samples whose probability falls on the side of {@code threshold} their label is on. */
    public static double accuracy(double[] probabilities, double[] labels, double threshold) {
        checkLengths(probabilities, labels);
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            boolean predicted = probabilities[i] >= threshold;
            if (predicted == labels[i] > 0.5) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }

    /**
     * Area under the ROC curve: the probability that a random positive outscores a random negative, ties counting
     * one half. Scores need not be probabilities.
     *
     * @throws IllegalArgumentException if the labels hold only one class
     */
    public static double rocAuc(double[] scores, double[] labels) {
        checkLengths(scores, labels);
        Integer[] order = sortedAscending(scores);
        long positives = 0;
        double positiveRankSum = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1; // 1-based ranks
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] > 0.5) {
                    positives++;
                    positiveRankSum += averageRank;
                }
            }
            i = j + 1;
        }
        long negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException(
                    "AUC needs both classes, got " + positives + " positives and " + negatives + " negatives");
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /**
     * Area under the precision-recall curve as average precision: the sum over distinct thresholds of (recall gain)
     * x (precision at that threshold).
     *
     * @throws IllegalArgumentException if there is no positive label
     */
    public static double prAuc(double[] scores, double[] labels) {
        checkLengths(scores, labels);
        Integer[] order = sortedAscending(scores);
        long totalPositives = Arrays.stream(labels).filter(l -> l > 0.5).count();
        if (totalPositives == 0) {
            throw new IllegalArgumentException("PR-AUC needs at least one positive label");
        }
        double area = 0;
        long truePositives = 0;
        long seen = 0;
        int i = order.length - 1;
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
                j--;
            }
            long newPositives = 0;
            for (int k = j; k <= i; k++) {
                if (labels[order[k]] > 0.5) {
                    newPositives++;
                }
            }
            seen += i - j + 1;
            truePositives += newPositives;
            area += ((double) newPositives / totalPositives) * ((double) truePositives / seen);
            i = j - 1;
        }
        return area;
    }

    /**
     * Group AUC: each group's (user's) AUC weighted by its number of samples; groups with one class only carry no
     * ranking information and are left out, as in the DIN paper.
     *
     * @throws IllegalArgumentException if no group holds both classes
     */
    public static double groupAuc(double[] scores, double[] labels, long[] groups) {
        checkLengths(scores, labels);
        Map<Long, List<Integer>> byGroup = new HashMap<>();
        for (int i = 0; i < groups.length; i++) {
            byGroup.computeIfAbsent(groups[i], g -> new java.util.ArrayList<>()).add(i);
        }
        double weighted = 0;
        long weight = 0;
        for (List<Integer> members : byGroup.values()) {
            double[] s = new double[members.size()];
            double[] l = new double[members.size()];
            int positives = 0;
            for (int k = 0; k < s.length; k++) {
                s[k] = scores[members.get(k)];
                l[k] = labels[members.get(k)];
                positives += l[k] > 0.5 ? 1 : 0;
            }
            if (positives == 0 || positives == s.length) {
                continue;
            }
            weighted += rocAuc(s, l) * s.length;
            weight += s.length;
        }
        if (weight == 0) {
            throw new IllegalArgumentException(
                    "group AUC needs a group holding both classes, none of " + byGroup.size() + " groups does");
        }
        return weighted / weight;
    }

    private static Integer[] sortedAscending(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        return order;
    }

    private static void checkLengths(double[] scores, double[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(
                    "scores has " + scores.length + " entries but labels has " + labels.length);
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("no samples to evaluate");
        }
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
        }
    }
}
