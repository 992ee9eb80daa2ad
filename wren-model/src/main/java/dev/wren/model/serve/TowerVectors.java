package dev.wren.model.serve;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import dev.wren.model.blocks.FeatureTranslator;
import dev.wren.model.blocks.TwoTowerUserVectors;
import dev.wren.model.data.SampleBatch;
import dev.wren.model.eval.RetrievalEvaluator;
import dev.wren.model.train.TrainedModel;
import java.util.List;
import java.util.Optional;

/**
 * The user and item vectors of a two-tower model, for an approximate-nearest-neighbour index: the dot product of a
 * user vector and an item vector is the model's logit. Inputs go through the same {@link FeatureTranslator} as
 * training. Thread-safe: a predictor per call.
 */
public final class TowerVectors implements RetrievalEvaluator.TowerScoring {
    private final TrainedModel model;
    private final Scorer.Columns columns;
    /** The user tower in Java, when the block is the two-tower one: a request then makes no native call. */
    private final Optional<TwoTowerUserVectors> userTower;

    public TowerVectors(TrainedModel model) {
        if (!model.spec().inBatchNegatives()) {
            throw new IllegalArgumentException("model '" + model.spec().name() + "' is not a two-tower model");
        }
        this.model = model;
        this.columns = new Scorer.Columns(model.layout());
        this.userTower = TwoTowerUserVectors.of(model.model().getBlock(), model.layout(), model.scaling());
    }

    /** The user vectors of a batch's rows, through the native tower. */
    @Override
    public float[][] users(SampleBatch batch) {
        return vectors(model.model(), model.translator(), batch, 1);
    }

    /** The item vectors of a batch's rows, divided by the temperature: u . v is the model's logit. */
    @Override
    public float[][] items(SampleBatch batch) {
        return vectors(model.model(), model.translator(), batch, 2);
    }

    /**
     * The towers of a two-tower model still in training, for evaluating it between epochs: native passes only, no
     * copy of the parameters.
     */
    public static RetrievalEvaluator.TowerScoring inTraining(Model model, FeatureTranslator translator) {
        return new RetrievalEvaluator.TowerScoring() {
            @Override
            public float[][] users(SampleBatch batch) {
                return vectors(model, translator, batch, 1);
            }

            @Override
            public float[][] items(SampleBatch batch) {
                return vectors(model, translator, batch, 2);
            }
        };
    }

    /** One vector per candidate (the user's part of each row does not affect the item tower). */
    public float[][] items(UserFeatures anyUser, List<ItemFeatures> items) {
        return items(Scorer.toBatch(model.layout(), anyUser, items));
    }

    /** The user's vector (the candidate's part of the row does not affect the user tower). */
    public float[] user(UserFeatures user, ItemFeatures anyItem) {
        if (userTower.isPresent()) {
            return userTower.get().vector(columns.userCategorical(user), columns.userNumeric(user), user.recentItems());
        }
        return users(Scorer.toBatch(model.layout(), user, List.of(anyItem)))[0];
    }

    private static float[][] vectors(Model model, FeatureTranslator features, SampleBatch batch, int output) {
        NoBatchifyTranslator<SampleBatch, float[][]> translator = new NoBatchifyTranslator<>() {
            @Override
            public NDList processInput(TranslatorContext ctx, SampleBatch input) {
                return features.toInputs(ctx.getNDManager(), input);
            }

            @Override
            public float[][] processOutput(TranslatorContext ctx, NDList list) {
                var vectors = list.get(output);
                int n = (int) vectors.getShape().get(0);
                int d = (int) vectors.getShape().get(1);
                float[] flat = vectors.toFloatArray();
                float[][] out = new float[n][d];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(flat, i * d, out[i], 0, d);
                }
                return out;
            }
        };
        try (Predictor<SampleBatch, float[][]> predictor = model.newPredictor(translator)) {
            return predictor.predict(batch);
        } catch (TranslateException e) {
            throw new IllegalStateException("tower vectors failed: " + e.getMessage(), e);
        }
    }
}
