package dev.wren.offline;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The stages of an offline run, in the order they run. */
public enum Stage {
    /** Read and check the input; always runs. */
    READ,
    /** Item and serving user features. */
    FEATURES,
    /** Labelled samples with point-in-time features, splits, fitted transforms. */
    SAMPLES,
    /** Item2vec, DeepWalk, Node2vec, user embeddings, next-item evaluation. */
    EMBED,
    /** Collaborative filtering: implicit ALS factors and EASE neighbours, for serving's recall and ranking. */
    CF,
    /** Similar items through LSH, with recall against exact neighbours. */
    SIMILAR,
    /** Monitoring statistics of the log. */
    STATS,
    /** The new feature-store snapshot; runs whenever a store is given. */
    PUBLISH;

    /** The stage's name in logs and on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a comma-separated list such as {@code features,samples} or {@code all} (every stage but publish, which
     * depends on whether a store is given).
     */
    public static Set<Stage> parse(String text) {
        Set<Stage> out = EnumSet.of(READ);
        for (String part : text.split(",")) {
            String name = part.trim().toUpperCase(Locale.ROOT);
            if (name.equals("ALL")) {
                out.addAll(EnumSet.range(READ, STATS));
                continue;
            }
            try {
                out.add(Stage.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown stage '" + part.trim()
                        + "'; known: all, read, features, samples, embed, cf, similar, stats");
            }
        }
        return out;
    }
}
