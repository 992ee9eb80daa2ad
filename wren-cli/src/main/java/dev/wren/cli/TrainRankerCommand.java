package dev.wren.cli;

import dev.wren.eval.pipeline.LearnedRankerTraining;
import dev.wren.model.topk.TopKRankerParams;
import dev.wren.offline.SparkSessions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wren train-ranker}: the learned top-K ranker, trained on a time split of the data, saved for serving. */
@Command(
        name = "train-ranker",
        mixinStandardHelpOptions = true,
        description = {
            "Train the learned top-K ranker: hold out each user's last ratings by time, fit the offline tier on the"
                    + " rest, and train a small network over each candidate's features (standardised EASE and ALS"
                    + " scores, their blend and ranks, recall's fusion score, popularity, genre match, the user's"
                    + " activity) to put the held-out items first among what recall finds for the user.",
            "Saves it as the next version under <models>/topk-ranker; a running server swaps it in. Serve with"
                    + " `wren serve --ranker learned`.",
        })
final class TrainRankerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Option(
            names = "--models",
            paramLabel = "DIR",
            description = "The models folder the ranker is saved in. Default: <data home>/models.")
    Path models;

    @ConfigKey("training.ranker.last-n")
    @Option(
            names = "--last-n",
            description = "Each user's latest ratings held out as what the ranker learns to find. Default:"
                    + " ${DEFAULT-VALUE} (configuration key training.ranker.last-n).")
    int lastN;

    @ConfigKey("training.ranker.seed")
    @Option(
            names = "--seed",
            description = "Seed of the fit and the training. Default: ${DEFAULT-VALUE} (configuration key"
                    + " training.ranker.seed).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (lastN < 1) {
            throw new WrenUserException("--last-n must be at least 1, got " + lastN, ExitCodes.USAGE);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path data = dataOptions.resolve(spec.commandLine().getErr()).toAbsolutePath();
        Path root = models != null ? models : dataOptions.home.dir.resolve("models");
        Path work = Files.createTempDirectory("wren-train-ranker");
        out.println("Training the learned top-K ranker on " + data + " (each user's last " + lastN + " held out)");
        out.flush();
        SparkSession spark = SparkSessions.open(SparkSessions.DEFAULT_MASTER, 8);
        LearnedRankerTraining.Result r;
        try {
            TopKRankerParams params =
                    ConfiguredExecution.settings(spec).training().ranker().params();
            r = new LearnedRankerTraining(spark).run(data, root, work, lastN, seed, params);
        } finally {
            spark.stop();
            FileUtils.deleteQuietly(work.toFile());
        }
        out.printf(
                "Trained on %,d candidates of %,d users: validation NDCG@10 %.4f over the candidates, best single"
                        + " feature (%s) %.4f%n",
                r.rows(), r.users(), r.validationNdcg(), r.bestFeature(), r.bestFeatureNdcg());
        out.println("Saved " + r.saved());
        return ExitCodes.OK;
    }
}
