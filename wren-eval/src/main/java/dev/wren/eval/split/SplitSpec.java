package dev.wren.eval.split;

import java.util.Locale;
import java.util.Objects;

/**
 * One split's parameters.
 *
 * @param method how to split
 * @param testFraction the share held out, for {@link SplitMethod#RANDOM} and {@link SplitMethod#TIME}
 * @param lastN how many of each user's last ratings are held out, for {@link SplitMethod#LAST}
 * @param seed the random holdout's seed
 */
public record SplitSpec(SplitMethod method, double testFraction, int lastN, long seed) {
    public SplitSpec {
        Objects.requireNonNull(method, "method");
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        if (lastN < 1) {
            throw new IllegalArgumentException("lastN must be at least 1, got " + lastN);
        }
    }

    /** 80/20 random, leave-last-5, or the last 20 % of time, seeded. */
    public static SplitSpec defaults(SplitMethod method, long seed) {
        return new SplitSpec(method, 0.2, 5, seed);
    }

    /**
     * The split that carves validation data out of this split's training part: the same method with the next seed,
     * so that tuning never sees the test part.
     */
    public SplitSpec forValidation() {
        return forValidation(0);
    }

    /**
     * The {@code n}th of several validation carvings (0 is {@link #forValidation()}), each with its own seed; for the
     * time-based methods, whose carving does not depend on the seed, {@link #validationCarvings()} is one.
     */
    public SplitSpec forValidation(int n) {
        return new SplitSpec(method, testFraction, lastN, seed + 1 + 1000L * n);
    }

    /** How many distinct validation carvings this split has to average tuning over: three when random, else one. */
    public int validationCarvings() {
        return method == SplitMethod.RANDOM ? 3 : 1;
    }

    /** For people: "per-user random holdout, 20 % held out, seed 42". */
    public String describe() {
        return switch (method) {
            case RANDOM ->
                String.format(
                        Locale.ROOT, "%s, %.0f %% held out, seed %d", method.description(), testFraction * 100, seed);
            case LAST -> String.format(Locale.ROOT, "%s, last %d per user", method.description(), lastN);
            case TIME ->
                String.format(
                        Locale.ROOT,
                        "%s, the last %.0f %% of ratings held out",
                        method.description(),
                        testFraction * 100);
        };
    }
}
