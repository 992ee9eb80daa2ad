package dev.wren.eval;

import dev.wren.core.eval.TopKResult;
import dev.wren.data.synthetic.HiddenTastes;
import dev.wren.eval.baseline.Baselines;
import dev.wren.eval.baseline.HiddenTasteOracle;
import dev.wren.eval.baseline.TopKRecommender;
import dev.wren.eval.data.ItemSpace;
import dev.wren.eval.data.TrainingData;
import dev.wren.eval.data.UserIndex;
import dev.wren.eval.pipeline.PipelineFit;
import dev.wren.eval.pipeline.PipelineOptions;
import dev.wren.eval.pipeline.PipelineRecommender;
import dev.wren.eval.pipeline.PipelineTuning;
import dev.wren.eval.pipeline.StageBreakdown;
import dev.wren.eval.split.Split;
import dev.wren.eval.split.Splitter;
import dev.wren.model.topk.TopKRanker;
import dev.wren.model.topk.TopKRankerParams;
import dev.wren.offline.cf.AlsParams;
import dev.wren.serving.PipelineSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one top-K evaluation: splits the data, carves a validation split out of the training part for every tuning
 * choice, fits the baselines and the whole pipeline on the training part, and scores all of them on the test users.
 * The test part is read once, by the chosen models. Not thread-safe: one run at a time per Spark session.
 */
public final class TopKEvaluation {
    private static final Logger log = LoggerFactory.getLogger(TopKEvaluation.class);
    /** Diversity looks at the first ten items, as a page of recommendations shows. */
    private static final int DIVERSITY_K = 10;

    private final SparkSession spark;

    public TopKEvaluation(SparkSession spark) {
        this.spark = spark;
    }

    public TopKReport run(TopKEvalConfig config) {
        EvalDataset dataset = EvalDataset.read(config.data());
        ItemSpace items = dataset.itemSpace();
        Split split = Splitter.split(dataset.ratings(), config.split());
        Split validation = Splitter.split(split.train(), config.split().forValidation());
        TrainingData train = new TrainingData(split.train(), items);
        TopKEvaluator test = new TopKEvaluator(train, split.test(), config.ks());
        Baselines.Carving firstCarving = carving(validation, items);
        TopKEvaluator tuneOn = firstCarving.validation();
        log.info(
                "{}: {} ratings, {} training and {} held out ({}); {} test users, {} validation users",
                config.data(),
                dataset.ratings().size(),
                split.train().size(),
                split.test().size(),
                config.split().describe(),
                test.users().length,
                tuneOn.users().length);

        // EASE's and ALS's settings are chosen once, on validation, for the baselines and the pipeline alike; the
        // pipeline's EASE may be EDLAE when its blend with ALS wins on validation.
        Baselines baselines = new Baselines(spark, config.split().seed(), config.grid());
        double lambda = baselines.tuneEase(tuneOn);
        if (config.pipeline().isPresent()) {
            baselines.tuneEdlae(tuneOn, lambda);
        }
        AlsParams configuredAls = config.pipeline()
                .map(o -> o.cf().als())
                .orElse(AlsParams.defaults(config.split().seed()));
        AlsParams als = baselines.tuneAls(tuneOn, validation.train(), configuredAls);

        List<MethodResult> methods = new ArrayList<>();
        Optional<StageBreakdown.Result> stages = Optional.empty();
        List<PipelineTuning.Trial> pipelineTuning = List.of();
        if (config.pipeline().isPresent()) {
            List<Baselines.Carving> carvings = new ArrayList<>();
            carvings.add(firstCarving);
            for (int n = 1; n < config.split().validationCarvings(); n++) {
                carvings.add(
                        carving(Splitter.split(split.train(), config.split().forValidation(n)), items));
            }
            Baselines.Blend blend = baselines.tuneBlend(carvings);
            PipelineOptions options = config.pipeline().get();
            options = options.withCf(options.cf()
                            .withEaseLambda(blend.ease().lambda())
                            .withEaseDropout(blend.ease().dropout())
                            .withAls(blend.als()))
                    .withSettings(options.settings().withCfBlendWeight(blend.easeWeight()));
            PipelineTuning tuning = new PipelineTuning();
            PipelineSettings chosen;
            Optional<TopKRanker> learned;
            try (PipelineFit fit = PipelineFit.fit(
                    spark,
                    dataset.catalogue(),
                    validation.train(),
                    config.work().resolve("validation"),
                    options)) {
                chosen = tuning.tune(
                        fit,
                        options.settings(),
                        tuneOn,
                        dataset.items(),
                        config.work().resolve("validation"));
                PipelineTuning.LearnedChoice choice = tuning.tuneRanker(
                        fit,
                        chosen,
                        tuneOn,
                        dataset.items(),
                        config.work().resolve("validation"),
                        TopKRankerParams.defaults().withSeed(config.split().seed()),
                        options.chooseRanker());
                learned = choice.ranker();
                chosen = choice.settings();
            }
            pipelineTuning = tuning.trials();
            try {
                stages = Optional.of(
                        pipeline(dataset, split, test, config, options.withSettings(chosen), learned, methods));
            } finally {
                learned.ifPresent(TopKRanker::close);
            }
        }
        if (config.baselines()) {
            methods.add(measure("popularity", "baseline", "training counts", test, () -> Baselines.popularity(train)));
            methods.add(measure(
                    "ItemKNN",
                    "baseline",
                    "cosine, " + Baselines.KNN_NEIGHBOURS + " neighbours",
                    test,
                    () -> Baselines.itemKnn(train)));
            methods.add(measure(
                    "EASE",
                    "baseline",
                    "lambda " + lambda + " (validation), items with >= " + Baselines.EASE_MIN_COUNT
                            + " interactions, at most " + Baselines.EASE_MAX_ITEMS,
                    test,
                    () -> Baselines.ease(train, lambda)));
            methods.add(measure(
                    "ALS",
                    "baseline",
                    "rank " + als.rank() + ", regParam " + als.regParam() + ", alpha " + als.alpha() + " (validation)",
                    test,
                    () -> baselines.als(split.train(), train, als)));
            if (Files.isDirectory(config.data().resolve("hidden"))) {
                HiddenTastes truth = HiddenTastes.read(config.data());
                methods.add(measure(
                        "oracle (hidden tastes)",
                        "oracle",
                        "the generator's choice model with its hidden tastes: not a recommender, the ceiling",
                        test,
                        () -> new HiddenTasteOracle(train, split.train(), dataset.items(), truth)));
            }
        }
        return new TopKReport(
                config.data().toString(),
                config.split().describe(),
                new UserIndex(dataset.ratings()).userCount(),
                test.users().length,
                items.size(),
                split.train().size(),
                split.test().size(),
                methods,
                baselines.trials(),
                pipelineTuning,
                stages);
    }

    /** A validation split, scored at NDCG@10 only: what tuning compares. */
    private static Baselines.Carving carving(Split validation, ItemSpace items) {
        return new Baselines.Carving(
                new TopKEvaluator(new TrainingData(validation.train(), items), validation.test(), new int[] {10}),
                validation.train());
    }

    private StageBreakdown.Result pipeline(
            EvalDataset dataset,
            Split split,
            TopKEvaluator test,
            TopKEvalConfig config,
            PipelineOptions options,
            Optional<TopKRanker> learned,
            List<MethodResult> methods) {
        long start = System.nanoTime();
        Path work = config.work().resolve("test");
        try (PipelineFit fit = PipelineFit.fit(spark, dataset.catalogue(), split.train(), work, options)) {
            // Trained on the validation fit's candidates: its features are standardised per user, so they carry over.
            learned.ifPresent(fit::install);
            return pipeline(fit, dataset, test, config, options, methods, work, start);
        }
    }

    private StageBreakdown.Result pipeline(
            PipelineFit fit,
            EvalDataset dataset,
            TopKEvaluator test,
            TopKEvalConfig config,
            PipelineOptions options,
            List<MethodResult> methods,
            Path work,
            long start) {
        try (PipelineRecommender pipeline = fit.serve("wren", options.settings(), work)) {
            StageBreakdown breakdown = new StageBreakdown(test, dataset.items(), DIVERSITY_K);
            var acc = test.accumulator();
            int maxK = acc.maxK();
            Arrays.stream(test.users()).parallel().forEach(u -> {
                var trace = pipeline.trace(u, maxK, config.channelDepth());
                breakdown.add(u, trace);
                test.add(acc, u, PipelineRecommender.ids(trace.items()));
            });
            Map<Integer, TopKResult> results = acc.results();
            double seconds = (System.nanoTime() - start) / 1e9;
            methods.add(new MethodResult("Wren pipeline", "pipeline", describe(pipeline, options), results, seconds));
            log.info(
                    "Wren pipeline: NDCG@10 {} in {} s",
                    String.format("%.4f", results.get(10).ndcg()),
                    seconds);
            for (String ranker : config.otherRankers()) {
                if (!ranker.equals(options.settings().ranker())) {
                    methods.add(otherRanker(fit, test, options, ranker, work));
                }
            }
            return breakdown.result();
        }
    }

    /** The same fitted pipeline with another ranker in place of the chosen one, on the same test users. */
    private static MethodResult otherRanker(
            PipelineFit fit, TopKEvaluator test, PipelineOptions options, String ranker, Path work) {
        long start = System.nanoTime();
        PipelineOptions other = options.withSettings(options.settings().withRanker(ranker));
        try (PipelineRecommender pipeline = fit.serve("wren-" + ranker, other.settings(), work)) {
            Map<Integer, TopKResult> results = test.evaluate(pipeline);
            double seconds = (System.nanoTime() - start) / 1e9;
            String name = "Wren pipeline, ranker " + ranker;
            log.info(
                    "{}: NDCG@10 {} in {} s",
                    name,
                    String.format("%.4f", results.get(10).ndcg()),
                    seconds);
            return new MethodResult(name, "pipeline variant", describe(pipeline, other), results, seconds);
        }
    }

    private static String describe(PipelineRecommender pipeline, PipelineOptions options) {
        var s = options.settings();
        return String.format(
                java.util.Locale.ROOT,
                "channels %s (quotas %s), ranker %s (cf blend weight %.2f), re-ranker %s (MMR lambda %.2f, freshness"
                        + " %.2f), %d candidates; EASE lambda %.0f dropout %.2f, ALS regParam %s alpha %s; models loaded %s",
                pipeline.state().data().models().retriever().isPresent()
                        ? s.channels() + " + two-tower"
                        : s.channels().toString(),
                PipelineTuning.describe(channels(pipeline, s), s.quotas()),
                s.ranker(),
                s.cfBlendWeight(),
                s.reranker(),
                s.mmrLambda(),
                s.freshnessWeight(),
                s.candidateBudget(),
                options.cf().easeLambda(),
                options.cf().easeDropout(),
                options.cf().als().regParam(),
                options.cf().als().alpha(),
                pipeline.state().data().models().labels());
    }

    private static List<String> channels(PipelineRecommender pipeline, PipelineSettings s) {
        List<String> out = new ArrayList<>(s.channels());
        if (pipeline.state().data().models().retriever().isPresent()
                && !out.contains(dev.wren.serving.models.TwoTowerRetriever.NAME)) {
            out.add(dev.wren.serving.models.TwoTowerRetriever.NAME);
        }
        return out;
    }

    private static MethodResult measure(
            String name, String kind, String setting, TopKEvaluator test, Supplier<TopKRecommender> fit) {
        long start = System.nanoTime();
        TopKRecommender model = fit.get();
        Map<Integer, TopKResult> results = test.evaluate(model);
        double seconds = (System.nanoTime() - start) / 1e9;
        log.info(
                "{}: NDCG@10 {} in {} s",
                name,
                String.format("%.4f", results.get(10).ndcg()),
                seconds);
        return new MethodResult(name, kind, setting, results, seconds);
    }
}
