package dev.wren.model.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A ROC curve as (false positive rate, true positive rate) points, thinned to at most a few hundred points for
 * charts and JSON; tied scores form one step.
 *
 * @param fpr false positive rates, ascending, from 0 to 1
 * @param tpr true positive rates at the same thresholds
 */
public record Curve(double[] fpr, double[] tpr) {
    private static final int MAX_POINTS = 200;

    public static Curve roc(double[] scores, double[] labels) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        long positives = Arrays.stream(labels).filter(l -> l > 0.5).count();
        long negatives = labels.length - positives;
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0});
        long tp = 0;
        long fp = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j < order.length && scores[order[j]] == scores[order[i]]) {
                if (labels[order[j]] > 0.5) {
                    tp++;
                } else {
                    fp++;
                }
                j++;
            }
            points.add(new double[] {
                negatives == 0 ? 0 : (double) fp / negatives, positives == 0 ? 0 : (double) tp / positives
            });
            i = j;
        }
        int step = Math.max(1, (points.size() + MAX_POINTS - 1) / MAX_POINTS);
        List<double[]> kept = new ArrayList<>();
        for (int k = 0; k < points.size(); k += step) {
            kept.add(points.get(k));
        }
        if (kept.get(kept.size() - 1) != points.get(points.size() - 1)) {
            kept.add(points.get(points.size() - 1));
        }
        return new Curve(
                kept.stream().mapToDouble(p -> p[0]).toArray(),
                kept.stream().mapToDouble(p -> p[1]).toArray());
    }
}
