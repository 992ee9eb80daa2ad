package dev.wren.model.topk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mean NDCG@k over lists of rows (one list per user) with binary labels. Tied scores count at their expected gain
 * under a random order of the tie, so neither a constant score nor the order of the rows can flatter a feature.
 * Thread-safe: immutable.
 */
final class GroupedNdcg {
    private final int[][] lists;
    private final float[] labels;
    private final int k;

    /**
     * @param groups the group of every row
     * @param rows the rows to evaluate (indices into {@code groups} and {@code labels})
     */
    GroupedNdcg(int[] groups, float[] labels, int[] rows, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int row : rows) {
            members.computeIfAbsent(groups[row], g -> new ArrayList<>()).add(row);
        }
        // Lists without a positive have no ideal ranking: NDCG is undefined there, so they are left out.
        this.lists = members.values().stream()
                .filter(list -> list.stream().anyMatch(r -> labels[r] > 0))
                .map(list -> list.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        this.labels = labels;
        this.k = k;
    }

    /** Lists with at least one positive: those the mean is over. */
    int lists() {
        return lists.length;
    }

    /**
     * Mean NDCG@k of the scores (indexed like the labels: {@code scores[row]}); NaN when no list has a positive.
     */
    double mean(float[] scores) {
        if (lists.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int[] list : lists) {
            sum += ndcg(list, scores);
        }
        return sum / lists.length;
    }

    /** Mean NDCG@k of ranking by one column of the rows, highest first. */
    double meanOfColumn(float[][] features, int column, boolean descending) {
        float[] scores = new float[labels.length];
        for (int[] list : lists) {
            for (int row : list) {
                scores[row] = descending ? features[row][column] : -features[row][column];
            }
        }
        return mean(scores);
    }

    private double ndcg(int[] list, float[] scores) {
        Integer[] order = new Integer[list.length];
        for (int i = 0; i < list.length; i++) {
            order[i] = list[i];
        }
        Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
        double dcg = 0;
        int positives = 0;
        for (int start = 0; start < order.length && start < k; ) {
            int end = start;
            double positivesInTie = 0;
            while (end < order.length && scores[order[end]] == scores[order[start]]) {
                positivesInTie += labels[order[end]];
                end++;
            }
            double gain = positivesInTie / (end - start);
            for (int position = start; position < Math.min(end, k); position++) {
                dcg += gain * discount(position);
            }
            start = end;
        }
        for (int row : list) {
            positives += labels[row] > 0 ? 1 : 0;
        }
        double ideal = 0;
        for (int position = 0; position < Math.min(k, positives); position++) {
            ideal += discount(position);
        }
        return dcg / ideal;
    }

    private static double discount(int position) {
        return 1 / (Math.log(position + 2) / Math.log(2));
    }
}
