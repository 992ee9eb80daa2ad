package dev.wren.model.blocks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every model under its stable name with default sizes, for configuration and the command line ({@code --model
 * deepfm}). Unknown names fail with the list of known ones.
 */
public final class ModelCatalog {
    private final Map<String, ModelSpec> specs = new LinkedHashMap<>();

    /** @param crosses the crossed fields for the wide parts (logistic regression, Wide &amp; Deep) */
    public ModelCatalog(List<Cross> crosses) {
        this(crosses, ModelSpec.TwoTowerSpec.defaults());
    }

    /**
     * @param crosses the crossed fields for the wide parts (logistic regression, Wide &amp; Deep)
     * @param twoTower the two-tower model, e.g. with the fields its towers read
     */
    public ModelCatalog(List<Cross> crosses, ModelSpec.TwoTowerSpec twoTower) {
        List<ModelSpec> all = List.of(
                new ModelSpec.LogisticRegressionSpec(crosses),
                ModelSpec.EmbeddingMlpSpec.defaults(),
                ModelSpec.WideDeepSpec.defaults(crosses),
                ModelSpec.DeepFmSpec.defaults(),
                ModelSpec.NeuralCfSpec.defaults(),
                ModelSpec.DeepCrossSpec.defaults(),
                ModelSpec.PnnSpec.defaults(),
                ModelSpec.DinSpec.defaults(),
                ModelSpec.DienSpec.defaults(),
                twoTower);
        all.forEach(spec -> specs.put(spec.name(), spec));
    }

    public List<String> names() {
        return List.copyOf(specs.keySet());
    }

    public List<ModelSpec> all() {
        return List.copyOf(specs.values());
    }

    public ModelSpec byName(String name) {
        ModelSpec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("unknown model '" + name + "'; known models are " + names());
        }
        return spec;
    }
}
