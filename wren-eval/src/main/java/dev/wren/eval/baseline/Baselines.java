package dev.wren.eval.baseline;

import dev.wren.eval.TopKEvaluator;
import dev.wren.eval.data.RatingLog;
import dev.wren.eval.data.TrainingData;
import dev.wren.offline.cf.AlsParams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits the baselines, choosing each one's parameters by NDCG@10 on a validation split carved out of the training
 * data, so that the test split is touched once, by the chosen model. Not thread-safe: one run at a time.
 */
public final class Baselines {
    private static final Logger log = LoggerFactory.getLogger(Baselines.class);

    /** EASE models items with at least this many training interactions. */
    public static final int EASE_MIN_COUNT = 3;
    /**
     * And at most this many, the most interacted-with: the offline pipeline's default cap (offline.cf.ease-max-items),
     * which keeps the dense inversion near a gigabyte and a few minutes. Below it at MovieLens 100k and small.
     */
    public static final int EASE_MAX_ITEMS = 8_000;
    /** How many EASE-ALS pairs, the best on the first validation carving, are scored on every carving. */
    public static final int BLEND_FINALISTS = 3;
    /** ItemKNN keeps this many neighbours per item. */
    public static final int KNN_NEIGHBOURS = 100;

    private final SparkSession spark;
    private final long seed;
    private final TuningGrid grid;
    private final List<Trial> trials = new ArrayList<>();
    /**
     * The validation fits, kept for choosing the blend: EASE at the chosen lambda, the chosen EDLAE, ALS at every
     * setting.
     */
    private final Map<EaseChoice, EaseRecommender> validationEase = new LinkedHashMap<>();

    private final Map<AlsParams, AlsRecommender> validationAls = new LinkedHashMap<>();

    /** The pipeline's EASE: its L2 weight and EDLAE dropout (0 for plain EASE). */
    public record EaseChoice(double lambda, double dropout) {}

    /** The EASE variant, ALS setting and EASE weight that blend best on validation. */
    public record Blend(EaseChoice ease, AlsParams als, double easeWeight) {}

    /** One setting tried on validation. */
    public record Trial(String baseline, String setting, double validationNdcg) {}

    /**
     * @param grid the settings tried; ALS is tried at the rank the feature store's factors have, so that the pipeline
     *     can publish what is chosen
     */
    public Baselines(SparkSession spark, long seed, TuningGrid grid) {
        this.spark = spark;
        this.seed = seed;
        this.grid = grid;
    }

    /** Every setting tried so far, with its validation NDCG@10. */
    public List<Trial> trials() {
        return List.copyOf(trials);
    }

    public static TopKRecommender popularity(TrainingData data) {
        return new Popularity(data);
    }

    public static TopKRecommender itemKnn(TrainingData data) {
        return new ItemKnn(data, KNN_NEIGHBOURS);
    }

    /** EASE's lambda with the best validation NDCG@10. */
    public double tuneEase(TopKEvaluator validation) {
        Map<Double, Function<TrainingData, TopKRecommender>> settings = new LinkedHashMap<>();
        for (double lambda : grid.easeLambdas()) {
            settings.put(lambda, d -> new EaseRecommender(d, lambda, EASE_MIN_COUNT, EASE_MAX_ITEMS));
        }
        double lambda = best("EASE", validation, settings, l -> "lambda " + l);
        validationEase.clear();
        validationEase.put(
                new EaseChoice(lambda, 0),
                new EaseRecommender(validation.train(), lambda, EASE_MIN_COUNT, EASE_MAX_ITEMS));
        return lambda;
    }

    /**
     * The pipeline's EASE: plain EASE at {@code lambda} (the baseline's choice; call {@link #tuneEase} first) or EDLAE
     * at a dropout of the grid and {@code lambda}, a half or a quarter of it, whichever has the best validation NDCG@10.
     * The blend is then tuned with both; the EASE baseline stays plain EASE.
     */
    public EaseChoice tuneEdlae(TopKEvaluator validation, double lambda) {
        EaseRecommender plain = validationEase.get(new EaseChoice(lambda, 0));
        if (plain == null) {
            throw new IllegalStateException("tune EASE first");
        }
        Map<EaseChoice, Function<TrainingData, TopKRecommender>> settings = new LinkedHashMap<>();
        settings.put(new EaseChoice(lambda, 0), d -> plain);
        for (double dropout : grid.easeDropouts()) {
            for (double l : new double[] {lambda, lambda / 2, lambda / 4}) {
                settings.put(
                        new EaseChoice(l, dropout),
                        d -> new EaseRecommender(d, l, dropout, EASE_MIN_COUNT, EASE_MAX_ITEMS));
            }
        }
        EaseChoice choice =
                best("EDLAE", validation, settings, c -> "lambda " + c.lambda() + ", dropout " + c.dropout());
        if (choice.dropout() > 0) {
            validationEase.put(
                    choice,
                    new EaseRecommender(
                            validation.train(), choice.lambda(), choice.dropout(), EASE_MIN_COUNT, EASE_MAX_ITEMS));
        }
        return choice;
    }

    /**
     * One validation split carved out of the training part: the evaluator of its held-out part, and the ratings its
     * models are fitted on.
     */
    public record Carving(TopKEvaluator validation, RatingLog fit) {}

    /**
     * The EASE variant, ALS setting and weight whose blend has the best validation NDCG@10 averaged over
     * {@code carvings}; call after {@link #tuneEase}, {@link #tuneEdlae} and {@link #tuneAls}. The first carving must be
     * the one those were tuned on: every pair of its fits is scored at every weight, and the {@link #BLEND_FINALISTS}
     * pairs with the best score at any weight are fitted again on the other carvings and scored at every weight there.
     *
     * <p>A weight's advantage is a few thousandths of NDCG, below the noise of one carving: choosing among a hundred
     * blends on one carving picked noise (a blend that won on validation by 0.003 lost to EASE on test by 0.01). The
     * finalists cost an EASE and an ALS fit each per extra carving.
     */
    public Blend tuneBlend(List<Carving> carvings) {
        if (validationEase.isEmpty() || validationAls.isEmpty()) {
            throw new IllegalStateException("tune EASE and ALS first");
        }
        double[] weights = grid.blendWeights();
        Map<Pair, double[]> first = new LinkedHashMap<>();
        for (Map.Entry<EaseChoice, EaseRecommender> e : validationEase.entrySet()) {
            for (Map.Entry<AlsParams, AlsRecommender> a : validationAls.entrySet()) {
                first.put(
                        new Pair(e.getKey(), a.getKey()),
                        score(carvings.get(0).validation(), e.getValue(), a.getValue(), weights));
            }
        }
        List<Pair> finalists = first.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<Pair, double[]> x) ->
                        -Arrays.stream(x.getValue()).max().orElseThrow()))
                .limit(BLEND_FINALISTS)
                .map(Map.Entry::getKey)
                .toList();
        Map<Pair, double[]> sums = new LinkedHashMap<>();
        finalists.forEach(p -> sums.put(p, first.get(p).clone()));
        for (Carving carving : carvings.subList(1, carvings.size())) {
            TrainingData data = carving.validation().train();
            Map<EaseChoice, EaseRecommender> eases = new LinkedHashMap<>();
            Map<AlsParams, AlsRecommender> alses = new LinkedHashMap<>();
            for (Pair p : finalists) {
                EaseRecommender ease = eases.computeIfAbsent(
                        p.ease(),
                        e -> new EaseRecommender(data, e.lambda(), e.dropout(), EASE_MIN_COUNT, EASE_MAX_ITEMS));
                AlsRecommender als =
                        alses.computeIfAbsent(p.als(), a -> new AlsRecommender(spark, carving.fit(), data, a));
                double[] ndcg = score(carving.validation(), ease, als, weights);
                for (int w = 0; w < weights.length; w++) {
                    sums.get(p)[w] += ndcg[w];
                }
            }
        }
        Blend best = null;
        double bestNdcg = -1;
        for (Map.Entry<Pair, double[]> e : first.entrySet()) {
            boolean finalist = sums.containsKey(e.getKey());
            for (int w = 0; w < weights.length; w++) {
                Blend blend = new Blend(e.getKey().ease(), e.getKey().als(), weights[w]);
                if (!finalist) {
                    record("EASE+ALS", describe(blend) + " (first carving)", e.getValue()[w]);
                    continue;
                }
                double mean = sums.get(e.getKey())[w] / carvings.size();
                record("EASE+ALS", describe(blend) + over(carvings), mean);
                if (mean > bestNdcg) {
                    bestNdcg = mean;
                    best = blend;
                }
            }
        }
        chose("EASE+ALS", describe(best) + over(carvings), bestNdcg);
        return best;
    }

    private static String over(List<Carving> carvings) {
        return carvings.size() == 1 ? " (first carving)" : " (mean of " + carvings.size() + " carvings)";
    }

    /** An EASE variant and an ALS setting, to be blended. */
    private record Pair(EaseChoice ease, AlsParams als) {}

    /**
     * The blend's validation NDCG@10 at each weight; each pair of fits is scored at every weight in one pass over the
     * users, since the models' scores are the cost.
     */
    private static double[] score(
            TopKEvaluator validation, EaseRecommender ease, AlsRecommender als, double[] weights) {
        return CfBlend.evaluate(validation, ease, als, weights).stream()
                .mapToDouble(r -> r.get(10).ndcg())
                .toArray();
    }

    private static String describe(Blend b) {
        return "EASE lambda " + b.ease().lambda() + " dropout " + b.ease().dropout() + " weight " + b.easeWeight()
                + ", ALS regParam " + b.als().regParam() + ", alpha " + b.als().alpha();
    }

    public static TopKRecommender ease(TrainingData data, double lambda) {
        return new EaseRecommender(data, lambda, EASE_MIN_COUNT, EASE_MAX_ITEMS);
    }

    /**
     * The ALS setting with the best validation NDCG@10: {@code base}'s rank and iterations (the configured ones, so
     * that the pipeline is evaluated as it is configured), with each regParam and alpha of the grid and this run's seed.
     */
    public AlsParams tuneAls(TopKEvaluator validation, RatingLog fit, AlsParams base) {
        Map<AlsParams, Function<TrainingData, TopKRecommender>> settings = new LinkedHashMap<>();
        for (double reg : grid.alsRegs()) {
            for (double alpha : grid.alsAlphas()) {
                AlsParams p = new AlsParams(base.rank(), reg, alpha, base.iterations(), seed);
                settings.put(p, d -> {
                    AlsRecommender model = new AlsRecommender(spark, fit, d, p);
                    validationAls.put(p, model);
                    return model;
                });
            }
        }
        return best(
                "ALS",
                validation,
                settings,
                p -> "rank " + p.rank() + ", " + p.iterations() + " iterations, regParam " + p.regParam() + ", alpha "
                        + p.alpha());
    }

    public TopKRecommender als(RatingLog train, TrainingData data, AlsParams params) {
        return new AlsRecommender(spark, train, data, params);
    }

    private <P> P best(
            String baseline,
            TopKEvaluator validation,
            Map<P, Function<TrainingData, TopKRecommender>> settings,
            Function<P, String> describe) {
        P best = null;
        double bestNdcg = -1;
        for (Map.Entry<P, Function<TrainingData, TopKRecommender>> s : settings.entrySet()) {
            TopKRecommender model = s.getValue().apply(validation.train());
            double ndcg = validation.evaluate(model).get(10).ndcg();
            record(baseline, describe.apply(s.getKey()), ndcg);
            if (ndcg > bestNdcg) {
                bestNdcg = ndcg;
                best = s.getKey();
            }
        }
        chose(baseline, describe.apply(best), bestNdcg);
        return best;
    }

    private void record(String baseline, String setting, double ndcg) {
        trials.add(new Trial(baseline, setting, ndcg));
        log.info("{} {}: validation NDCG@10 {}", baseline, setting, String.format("%.4f", ndcg));
    }

    private static void chose(String baseline, String setting, double ndcg) {
        log.info("{}: chose {} (validation NDCG@10 {})", baseline, setting, String.format("%.4f", ndcg));
    }
}
