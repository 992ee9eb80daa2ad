package dev.wren.serving.ab;

import java.util.List;
import java.util.Objects;

/**
 * An experiment: users are split among its variants by a hash of the experiment's name and the user id, so each user
 * stays in one variant and experiments split independently. Shares that add up to less than 1 leave the rest of the
 * users out of the experiment (they get the default pipeline).
 */
public record Experiment(String name, List<Variant> variants) {
    public Experiment {
        Objects.requireNonNull(name, "name");
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
    }
}
