package dev.wren.serving.ab;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An experiment: users are split among its variants by a hash of the experiment's name and the user id, so each user
 * stays in one variant and experiments split independently. Shares that add up to less than 1 leave the rest of the
 * users out of the experiment (they get the default pipeline).
 *
 * <p>An {@link Type#INTERLEAVING} experiment has exactly two variants, teams A (the first, the control) and B: a user
 * who falls in either share gets, on each request, both variants' lists merged by team-draft interleaving.
 *
 * <p>A {@link Type#DUELING_BANDIT} experiment (off unless configured) has one variant, whose share of users get
 * interleaved lists of the blend ranker with its current weights (team A) and with perturbed ones (team B); clicks on
 * B's items move the weights ({@link DuelingBandit}). Its {@code duel} settings are required.
 */
public record Experiment(String name, List<Variant> variants, Type type, Optional<DuelSettings> duel) {
    /** How an experiment compares its variants, as logged in the exposure's {@code experimentType}. */
    public enum Type {
        /** Each user sees one variant's lists. */
        AB,
        /** Each user sees both variants' lists interleaved, each item credited to the team that picked it. */
        INTERLEAVING,
        /** The blend ranker's weights against a perturbed copy, interleaved; the weights learn from who wins. */
        DUELING_BANDIT;

        /** The name in the experiments file and the log. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** @throws IllegalArgumentException naming the allowed types */
        public static Type of(String label) {
            for (Type t : values()) {
                if (t.label().equals(label)) {
                    return t;
                }
            }
            throw new IllegalArgumentException(
                    "type must be \"ab\", \"interleaving\" or \"dueling-bandit\", got \"" + label + "\"");
        }
    }

    public Experiment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(duel, "duel");
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
        if (type == Type.DUELING_BANDIT) {
            if (variants.size() != 1 || duel.isEmpty()) {
                throw new IllegalArgumentException("dueling-bandit experiment '" + name
                        + "' needs one variant (its share of users) and duel settings");
            }
            Variant v = variants.get(0);
            if (v.exploration().isPresent()
                    || v.ranker().filter(r -> !r.equals("blend")).isPresent()) {
                throw new IllegalArgumentException("dueling-bandit experiment '" + name
                        + "' duels the blend ranker's weights: its variant sets no other ranker and no exploration");
            }
        } else if (duel.isPresent()) {
            throw new IllegalArgumentException("experiment '" + name + "': duel applies to type dueling-bandit only");
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

    /** An A/B or interleaving experiment. */
    public Experiment(String name, List<Variant> variants, Type type) {
        this(name, variants, type, Optional.empty());
    }

    /** An A/B experiment. */
    public Experiment(String name, List<Variant> variants) {
        this(name, variants, Type.AB);
    }

    /**
     * How a dueling bandit explores: B ranks with {@code w + delta u}; a win moves {@code w} by {@code alpha u}.
     *
     * @param delta > 0
     * @param alpha > 0
     */
    public record DuelSettings(double delta, double alpha) {
        public DuelSettings {
            if (!(delta > 0 && Double.isFinite(delta))) {
                throw new IllegalArgumentException("duel.delta must be > 0, got " + delta);
            }
            if (!(alpha > 0 && Double.isFinite(alpha))) {
                throw new IllegalArgumentException("duel.alpha must be > 0, got " + alpha);
            }
        }
    }

    /** The variant name logged for users in an interleaving experiment: they see both. */
    public static final String INTERLEAVED = "interleaved";
}
