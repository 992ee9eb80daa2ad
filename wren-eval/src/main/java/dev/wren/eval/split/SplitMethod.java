package dev.wren.eval.split;

import java.util.Arrays;
import java.util.Locale;

/** How a rating log is divided into what a recommender learns from and what it is scored on. */
public enum SplitMethod {
    /** A seeded random share of each user's ratings. */
    RANDOM("per-user random holdout"),
    /** Each user's last n ratings by time: the realistic one, the future of every user. */
    LAST("per-user leave-last-n by time"),
    /** Every rating after one moment, for users who rated before it. */
    TIME("global time split");

    private final String description;

    SplitMethod(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The lower-case name used on the command line and in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The method named {@code random}, {@code last} or {@code time}. */
    public static SplitMethod of(String label) {
        for (SplitMethod m : values()) {
            if (m.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown split '" + label + "'; known: "
                + Arrays.stream(values()).map(SplitMethod::label).toList());
    }
}
