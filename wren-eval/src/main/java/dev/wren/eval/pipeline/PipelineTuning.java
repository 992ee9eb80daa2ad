package dev.wren.eval.pipeline;

import dev.wren.core.eval.TopKResult;
import dev.wren.eval.TopKEvaluator;
import dev.wren.serving.PipelineSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the serving pipeline's re-ranking on a validation split: the most diverse MMR setting within {@value
 * #NDCG_TOLERANCE} (relative) of the best NDCG@10, then the freshness weight with the best NDCG@10. Every setting tried
 * is kept, for the report's trade-off table. Not thread-safe.
 */
public final class PipelineTuning {
    private static final Logger log = LoggerFactory.getLogger(PipelineTuning.class);
    /** The share of the best validation NDCG@10 that re-ranking for diversity may give up. */
    public static final double NDCG_TOLERANCE = 0.005;

    static final double[] MMR_LAMBDAS = {1.0, 0.95, 0.9, 0.8};
    static final double[] FRESHNESS_WEIGHTS = {0, 0.05, 0.1};

    private final List<Trial> trials = new ArrayList<>();

    /**
     * One setting tried on validation.
     *
     * @param setting what was set
     * @param ndcg validation NDCG@10
     * @param diversity intra-list genre diversity of the first ten
     */
    public record Trial(String setting, double ndcg, double diversity) {}

    public List<Trial> trials() {
        return List.copyOf(trials);
    }

    /** The settings chosen for {@code start}'s ranker and re-ranker, tried on the validation fit. */
    public PipelineSettings tune(
            PipelineFit fit,
            PipelineSettings start,
            TopKEvaluator validation,
            Map<Integer, dev.wren.core.model.Item> items,
            Path work) {
        PipelineSettings best = start;
        List<Trial> mmr = new ArrayList<>();
        for (double lambda : MMR_LAMBDAS) {
            PipelineSettings s = best.withRerankWeights(lambda, 0);
            mmr.add(trial(fit, s, validation, items, work, String.format(Locale.ROOT, "MMR lambda %.2f", lambda)));
        }
        double top = mmr.stream().mapToDouble(Trial::ndcg).max().orElse(0);
        double chosen = 1.0;
        double chosenDiversity = -1;
        for (int i = 0; i < mmr.size(); i++) {
            if (mmr.get(i).ndcg() >= (1 - NDCG_TOLERANCE) * top && mmr.get(i).diversity() > chosenDiversity) {
                chosenDiversity = mmr.get(i).diversity();
                chosen = MMR_LAMBDAS[i];
            }
        }
        double fresh = best.freshnessWeight();
        double freshNdcg = -1;
        for (double f : FRESHNESS_WEIGHTS) {
            PipelineSettings s = best.withRerankWeights(chosen, f);
            Trial t = trial(
                    fit,
                    s,
                    validation,
                    items,
                    work,
                    String.format(Locale.ROOT, "MMR lambda %.2f, freshness %.2f", chosen, f));
            if (t.ndcg() > freshNdcg) {
                freshNdcg = t.ndcg();
                fresh = f;
            }
        }
        log.info("Chose MMR lambda {} and freshness weight {}", chosen, fresh);
        return best.withRerankWeights(chosen, fresh);
    }

    private Trial trial(
            PipelineFit fit,
            PipelineSettings settings,
            TopKEvaluator validation,
            Map<Integer, dev.wren.core.model.Item> items,
            Path work,
            String label) {
        try (PipelineRecommender pipeline = fit.serve("tune-" + trials.size(), settings, work)) {
            StageBreakdown breakdown = new StageBreakdown(validation, items, 10);
            Arrays.stream(validation.users()).parallel().forEach(u -> breakdown.add(u, pipeline.trace(u, 10, 0)));
            StageBreakdown.Result r = breakdown.result();
            TopKResult at10 = r.reranked().get(10);
            Trial t = new Trial(label, at10.ndcg(), r.rerankedDiversity());
            trials.add(t);
            log.info(
                    "pipeline {}: validation NDCG@10 {}, diversity {}",
                    label,
                    String.format(Locale.ROOT, "%.4f", t.ndcg()),
                    String.format(Locale.ROOT, "%.4f", t.diversity()));
            return t;
        }
    }
}
