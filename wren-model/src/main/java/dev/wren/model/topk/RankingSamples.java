package dev.wren.model.topk;

import java.util.HashSet;
import java.util.Set;

/**
 * Training rows for a {@link TopKRanker}: one row per (user, candidate), the rows of one user forming one list.
 * Validated on construction; the arrays are not copied (they may be large), so callers must not change them
 * afterwards.
 *
 * @param featureNames the name of each column, unique and non-blank; the ranker remembers them
 * @param features one row of {@code featureNames.length} finite values per candidate
 * @param labels 1 for a held-out positive of the user, 0 otherwise
 * @param groups the user of each row; rows with the same value are ranked against each other, in any order
 */
public record RankingSamples(String[] featureNames, float[][] features, float[] labels, int[] groups) {

    public RankingSamples {
        checkNames(featureNames);
        if (features == null || labels == null || groups == null) {
            throw new IllegalArgumentException("features, labels and groups must not be null");
        }
        if (features.length == 0) {
            throw new IllegalArgumentException("no rows: a ranker needs at least one group of candidates");
        }
        if (labels.length != features.length || groups.length != features.length) {
            throw new IllegalArgumentException("features has " + features.length + " rows but labels has "
                    + labels.length + " and groups " + groups.length + "; all three need one entry per row");
        }
        checkRows(featureNames, features);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0f && labels[i] != 1f) {
                throw new IllegalArgumentException(
                        "label of row " + i + " is " + labels[i] + "; labels must be 0 or 1");
            }
        }
    }

    /** Number of rows. */
    public int size() {
        return features.length;
    }

    /** Number of features per row. */
    public int width() {
        return featureNames.length;
    }

    static void checkNames(String[] names) {
        if (names == null || names.length == 0) {
            throw new IllegalArgumentException("featureNames must name at least one feature");
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < names.length; j++) {
            if (names[j] == null || names[j].isBlank()) {
                throw new IllegalArgumentException("feature name " + j + " is blank");
            }
            if (!seen.add(names[j])) {
                throw new IllegalArgumentException("feature name '" + names[j] + "' appears twice");
            }
        }
    }

    /** Every row has one finite value per named feature; errors name the row and the feature. */
    static void checkRows(String[] names, float[][] rows) {
        for (int i = 0; i < rows.length; i++) {
            float[] row = rows[i];
            if (row == null || row.length != names.length) {
                throw new IllegalArgumentException("row " + i + " has " + (row == null ? "no" : row.length)
                        + " values, expected " + names.length + " (one per feature name)");
            }
            for (int j = 0; j < row.length; j++) {
                if (!Float.isFinite(row[j])) {
                    throw new IllegalArgumentException(
                            "row " + i + ", feature '" + names[j] + "' is " + row[j] + "; values must be finite");
                }
            }
        }
    }
}
