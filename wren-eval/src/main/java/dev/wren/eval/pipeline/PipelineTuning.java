package dev.wren.eval.pipeline;

import dev.wren.core.eval.TopKResult;
import dev.wren.eval.TopKEvaluator;
import dev.wren.model.topk.RankingSamples;
import dev.wren.model.topk.TopKRanker;
import dev.wren.model.topk.TopKRankerParams;
import dev.wren.model.topk.TopKRankerTrainer;
import dev.wren.serving.PipelineSettings;
import dev.wren.serving.models.TwoTowerRetriever;
import dev.wren.serving.rank.LearnedRanker;
import dev.wren.serving.recall.TrendingRetriever;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the serving pipeline's recall quotas and re-ranking on a validation split: first the quotas (each channel in
 * turn leading with {@link #LEAD_SHARES} of the candidate budget, or all equal) with the best NDCG@10 of the final list
 * if it beats the starting quotas by more than {@value #NDCG_TOLERANCE} (relative),
 * then the most diverse MMR setting within {@value #NDCG_TOLERANCE} (relative) of the best NDCG@10, then the freshness
 * weight with the best NDCG@10. Every setting tried is kept, for the report's trade-off table. Not thread-safe.
 */
public final class PipelineTuning {
    private static final Logger log = LoggerFactory.getLogger(PipelineTuning.class);
    /** The share of the best validation NDCG@10 that re-ranking for diversity may give up. */
    public static final double NDCG_TOLERANCE = 0.005;

    static final double[] MMR_LAMBDAS = {1.0, 0.95, 0.9, 0.8};
    static final double[] FRESHNESS_WEIGHTS = {0, 0.05, 0.1};
    static final double[] LEAD_SHARES = {0.6, 0.8};

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
        PipelineSettings best = tuneQuotas(fit, start, validation, items, work);
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

    /**
     * A learned top-K ranker ({@link RankerSamples}) trained on the candidates of a random half of the validation users,
     * and, when {@code choose}, the ranker for {@code settings}: {@code learned} when the whole pipeline with it beats
     * the same pipeline with {@code settings}' ranker on the other half's NDCG@10 by more than the tolerance, else
     * {@code settings}' own. The ranker is installed in {@code fit}'s models folder; the caller owns (closes) it.
     *
     * @return the trained ranker and the settings with the chosen ranker
     */
    public LearnedChoice tuneRanker(
            PipelineFit fit,
            PipelineSettings settings,
            TopKEvaluator validation,
            Map<Integer, dev.wren.core.model.Item> items,
            Path work,
            TopKRankerParams params,
            boolean choose) {
        int[] users = validation.users().clone();
        shuffle(users, new Random(params.seed()));
        int[] learnOn = Arrays.copyOfRange(users, 0, users.length / 2);
        int[] judgeOn = Arrays.copyOfRange(users, users.length / 2, users.length);
        TopKRanker ranker;
        try (PipelineRecommender pipeline = fit.serve("ranker-samples", settings, work)) {
            RankingSamples samples = RankerSamples.build(pipeline, validation, learnOn);
            log.info(
                    "Training the learned ranker on {} candidates of {} validation users",
                    samples.size(),
                    learnOn.length);
            ranker = new TopKRankerTrainer().train(samples, params);
        } catch (IllegalArgumentException e) {
            // Too few users whose held-out items recall finds (a tiny dataset): nothing to learn an order from.
            log.warn("No learned ranker: {}", e.getMessage());
            return new LearnedChoice(Optional.empty(), settings);
        }
        try {
            fit.install(ranker);
            if (!choose) {
                return new LearnedChoice(Optional.of(ranker), settings);
            }
            Trial own = trial(
                    fit, settings, validation, judgeOn, items, work, "ranker " + settings.ranker() + " (other half)");
            Trial learned = trial(
                    fit,
                    settings.withRanker(LearnedRanker.NAME),
                    validation,
                    judgeOn,
                    items,
                    work,
                    "ranker " + LearnedRanker.NAME + " (other half)");
            boolean wins = learned.ndcg() > (1 + NDCG_TOLERANCE) * own.ndcg();
            log.info(
                    "Chose the {} ranker (learned {} against {} on {} validation users)",
                    wins ? LearnedRanker.NAME : settings.ranker(),
                    String.format(Locale.ROOT, "%.4f", learned.ndcg()),
                    String.format(Locale.ROOT, "%.4f", own.ndcg()),
                    judgeOn.length);
            return new LearnedChoice(Optional.of(ranker), wins ? settings.withRanker(LearnedRanker.NAME) : settings);
        } catch (RuntimeException e) {
            ranker.close();
            throw e;
        }
    }

    /**
     * @param ranker the trained ranker (the caller closes it); empty when there was too little to train it on
     * @param settings the settings with the chosen ranker
     */
    public record LearnedChoice(Optional<TopKRanker> ranker, PipelineSettings settings) {}

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * The quotas with the best validation NDCG@10 among: the starting quotas, all channels equal, and each channel
     * leading with one of {@link #LEAD_SHARES} while the others split the rest; the starting quotas unless another
     * beats them by more than the tolerance. The two-tower channel takes part when its model is loaded.
     */
    private PipelineSettings tuneQuotas(
            PipelineFit fit,
            PipelineSettings start,
            TopKEvaluator validation,
            Map<Integer, dev.wren.core.model.Item> items,
            Path work) {
        List<String> channels = new ArrayList<>(start.channels());
        if (fit.hasRetrievalModel() && !channels.contains(TwoTowerRetriever.NAME)) {
            channels.add(TwoTowerRetriever.NAME);
        }
        if (channels.size() < 2) {
            return start;
        }
        List<Map<String, Double>> options = new ArrayList<>();
        options.add(start.quotas());
        options.add(shares(channels, null, 1.0 / channels.size()));
        for (String lead : channels) {
            if (lead.equals(TrendingRetriever.NAME)) {
                // Trends come from the stream job, which an offline split has not got: the channel is idle here, so
                // leading with it would only repeat another trial.
                continue;
            }
            for (double share : LEAD_SHARES) {
                options.add(shares(channels, lead, share));
            }
        }
        PipelineSettings best = start;
        double startNdcg = -1;
        double bestNdcg = -1;
        for (Map<String, Double> quotas : options) {
            PipelineSettings s = start.withChannels(start.channels(), quotas);
            Trial t = trial(fit, s, validation, items, work, "quotas " + describe(channels, quotas));
            if (startNdcg < 0) {
                startNdcg = t.ndcg();
                bestNdcg = t.ndcg();
            } else if (t.ndcg() > bestNdcg && t.ndcg() > (1 + NDCG_TOLERANCE) * startNdcg) {
                // Other quotas must beat the default by more than the noise between near-equal settings.
                bestNdcg = t.ndcg();
                best = s;
            }
        }
        log.info("Chose quotas {}", describe(channels, best.quotas()));
        return best;
    }

    private static Map<String, Double> shares(List<String> channels, String lead, double share) {
        Map<String, Double> out = new LinkedHashMap<>();
        double rest = (1 - share) / (channels.size() - 1);
        for (String c : channels) {
            out.put(c, lead == null ? share : c.equals(lead) ? share : rest);
        }
        return out;
    }

    /** Quotas as "ease 0.60, als 0.20, two-tower 0.20", in channel order. */
    public static String describe(List<String> channels, Map<String, Double> quotas) {
        StringBuilder b = new StringBuilder();
        double equal = 1.0 / channels.size();
        for (String c : channels) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(String.format(Locale.ROOT, "%s %.2f", c, quotas.getOrDefault(c, equal)));
        }
        return b.toString();
    }

    private Trial trial(
            PipelineFit fit,
            PipelineSettings settings,
            TopKEvaluator validation,
            Map<Integer, dev.wren.core.model.Item> items,
            Path work,
            String label) {
        return trial(fit, settings, validation, validation.users(), items, work, label);
    }

    /** The pipeline's validation NDCG@10 and diversity over {@code users}, kept as a trial. */
    private Trial trial(
            PipelineFit fit,
            PipelineSettings settings,
            TopKEvaluator validation,
            int[] users,
            Map<Integer, dev.wren.core.model.Item> items,
            Path work,
            String label) {
        try (PipelineRecommender pipeline = fit.serve("tune-" + trials.size(), settings, work)) {
            StageBreakdown breakdown = new StageBreakdown(validation, items, 10);
            Arrays.stream(users).parallel().forEach(u -> breakdown.add(u, pipeline.trace(u, 10, 0)));
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
