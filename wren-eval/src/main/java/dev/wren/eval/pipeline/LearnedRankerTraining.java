package dev.wren.eval.pipeline;

import dev.wren.eval.EvalDataset;
import dev.wren.eval.TopKEvaluator;
import dev.wren.eval.data.TrainingData;
import dev.wren.eval.split.Split;
import dev.wren.eval.split.SplitMethod;
import dev.wren.eval.split.SplitSpec;
import dev.wren.eval.split.Splitter;
import dev.wren.model.online.ModelsFolder;
import dev.wren.model.topk.RankingSamples;
import dev.wren.model.topk.TopKRanker;
import dev.wren.model.topk.TopKRankerParams;
import dev.wren.model.topk.TopKRankerTrainer;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the learned top-K ranker for production: each user's last ratings are held out by time, the offline tier is
 * fitted on the rest as `wren offline` fits it, and the ranker learns to put the held-out items first among what
 * serving's recall returns for each user ({@link RankerSamples}). It is saved as the next version of the models
 * folder's ranker, which a running server swaps in. The features are standardised per user, so a ranker trained on
 * this earlier fit ranks the candidates of the full fit that serving loads. Not thread-safe: one run per Spark session.
 */
public final class LearnedRankerTraining {
    private static final Logger log = LoggerFactory.getLogger(LearnedRankerTraining.class);

    private final SparkSession spark;

    public LearnedRankerTraining(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * What one training produced.
     *
     * @param saved the version folder written
     * @param users users whose held-out items recall found, i.e. the lists trained on
     * @param rows candidate rows trained on
     * @param validationNdcg the ranker's NDCG@10 over the candidates of the users held out for early stopping
     * @param bestFeature the best single feature on those users (the {@code cf} ranker's score is one)
     * @param bestFeatureNdcg its NDCG@10
     */
    public record Result(
            Path saved, int users, int rows, double validationNdcg, String bestFeature, double bestFeatureNdcg) {}

    /**
     * Trains on the MovieLens folder {@code data} and saves into {@code models}.
     *
     * @param work a folder for the earlier fit's intermediate outputs (should be empty)
     * @param lastN ratings held out per user as the labels
     */
    public Result run(Path data, Path models, Path work, int lastN, long seed, TopKRankerParams params) {
        EvalDataset dataset = EvalDataset.read(data);
        Split split = Splitter.split(dataset.ratings(), new SplitSpec(SplitMethod.LAST, 0.2, lastN, seed));
        TopKEvaluator heldOut =
                new TopKEvaluator(new TrainingData(split.train(), dataset.itemSpace()), split.test(), new int[] {10});
        log.info(
                "{}: fitting the offline tier on {} ratings, each user's last {} held out as labels",
                data,
                split.train().size(),
                lastN);
        PipelineOptions options = PipelineOptions.defaults(seed).withModels(List.of());
        try (PipelineFit fit = PipelineFit.fit(spark, dataset.catalogue(), split.train(), work, options);
                PipelineRecommender pipeline = fit.serve("ranker-samples", options.settings(), work)) {
            RankingSamples samples = RankerSamples.build(pipeline, heldOut, heldOut.users());
            int users =
                    (int) java.util.Arrays.stream(samples.groups()).distinct().count();
            log.info("Training the learned ranker on {} candidates of {} users", samples.size(), users);
            try (TopKRanker ranker = new TopKRankerTrainer().train(samples, params.withSeed(seed))) {
                Path saved = ModelsFolder.saveTopKRanker(models, ranker);
                return new Result(
                        saved,
                        users,
                        samples.size(),
                        ranker.validationNdcg(),
                        ranker.bestFeature(),
                        ranker.bestFeatureNdcg());
            }
        }
    }
}
