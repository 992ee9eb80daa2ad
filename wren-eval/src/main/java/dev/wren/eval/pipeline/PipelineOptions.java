package dev.wren.eval.pipeline;

import dev.wren.offline.cf.CfParams;
import dev.wren.serving.PipelineSettings;
import java.util.List;
import java.util.Objects;

/**
 * How the pipeline under evaluation is built.
 *
 * @param models the models trained on the offline samples, by `wren train` name (the server ranks with the best
 *     ranking bundle and recalls with a two-tower one)
 * @param settings the serving pipeline's settings
 * @param dimension the embedding dimension
 * @param seed the offline pipeline's and the trainings' seed
 * @param cf the collaborative filters' parameters in the offline pipeline
 * @param chooseRanker whether validation may replace the settings' ranker with the learned top-K ranker (false when the
 *     user named the ranker)
 */
public record PipelineOptions(
        List<String> models, PipelineSettings settings, int dimension, long seed, CfParams cf, boolean chooseRanker) {
    public PipelineOptions {
        models = List.copyOf(models);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(cf, "cf");
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive, got " + dimension);
        }
    }

    /** What `wren demo` builds: DeepFM and two-tower, the default serving settings, 32-d embeddings. */
    public static PipelineOptions defaults(long seed) {
        return new PipelineOptions(
                List.of("deepfm", "two-tower"), PipelineSettings.defaults(), 32, seed, CfParams.defaults(seed), true);
    }

    public PipelineOptions withModels(List<String> m) {
        return new PipelineOptions(m, settings, dimension, seed, cf, chooseRanker);
    }

    public PipelineOptions withSettings(PipelineSettings s) {
        return new PipelineOptions(models, s, dimension, seed, cf, chooseRanker);
    }

    /** These options with the settings' ranker kept, whatever validation finds. */
    public PipelineOptions withRankerFixed() {
        return new PipelineOptions(models, settings, dimension, seed, cf, false);
    }

    public PipelineOptions withCf(CfParams c) {
        return new PipelineOptions(models, settings, dimension, seed, c, chooseRanker);
    }
}
