package dev.wren.serving.ab;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An experiment: users are split among its variants by a hash of the experiment's name and the user id, so each user
 * stays in one variant and experiments split independently. Shares that add up to less than 1 leave the rest of the
 * users out of the experiment (they get the default pipeline).
 *
 * <p>An {@link Type#INTERLEAVING} experiment has exactly two variants, teams A (the first, the control) and B: a user
 * who falls in either share gets, on each request, both variants' lists merged by team-draft interleaving.
 */
public record Experiment(String name, List<Variant> variants, Type type) {
    /** How an experiment compares its variants, as logged in the exposure's {@code experimentType}. */
    public enum Type {
        /** Each user sees one variant's lists. */
        AB,
        /** Each user sees both variants' lists interleaved, each item credited to the team that picked it. */
        INTERLEAVING;

        /** The name in the experiments file and the log. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws IllegalArgumentException naming the allowed types */
        public static Type of(String label) {
            for (Type t : values()) {
                if (t.label().equals(label)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("type must be \"ab\" or \"interleaving\", got \"" + label + "\"");
        }
    }

    public Experiment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        variants = List.copyOf(variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("experiment '" + name + "' has no variants");
        }
        double total = variants.stream().mapToDouble(Variant::share).sum();
        if (total > 1 + 1e-9) {
            throw new IllegalArgumentException("experiment '" + name + "' shares add up to " + total + " > 1");
        }
        if (variants.stream().map(Variant::name).distinct().count() != variants.size()) {
            throw new IllegalArgumentException("experiment '" + name + "' has duplicate variant names");
        }
        if (type == Type.INTERLEAVING) {
            if (variants.size() != 2) {
                throw new IllegalArgumentException("interleaving experiment '" + name
                        + "' needs exactly two variants (teams A and B), got " + variants.size());
            }
            for (Variant v : variants) {
                if (v.exploration().isPresent()) {
                    throw new IllegalArgumentException("interleaving experiment '" + name + "' variant '" + v.name()
                            + "': exploration is not allowed in an interleaved list");
                }
            }
        }
    }

    /** An A/B experiment. */
    public Experiment(String name, List<Variant> variants) {
        this(name, variants, Type.AB);
    }

    /** The variant name logged for users in an interleaving experiment: they see both. */
    public static final String INTERLEAVED = "interleaved";
}
