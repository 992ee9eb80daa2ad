package dev.wren.cli;

import dev.wren.core.eval.TopKResult;
import dev.wren.eval.MethodResult;
import dev.wren.eval.TopKEvalConfig;
import dev.wren.eval.TopKEvaluation;
import dev.wren.eval.TopKReport;
import dev.wren.eval.baseline.TuningGrid;
import dev.wren.eval.pipeline.PipelineOptions;
import dev.wren.eval.report.TopKReportWriter;
import dev.wren.eval.split.SplitMethod;
import dev.wren.eval.split.SplitSpec;
import dev.wren.offline.SparkSessions;
import dev.wren.serving.PipelineSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wren eval topk}: the whole pipeline's top-K lists against held-out ratings, beside the baselines. */
@Command(
        name = "topk",
        mixinStandardHelpOptions = true,
        description = {
            "Hold out part of each user's ratings, build the whole pipeline on the rest (offline pipeline on Spark,"
                    + " model training, serving state), ask it for every test user's top-K list in-process through"
                    + " the serving code, and score the lists: NDCG, Recall, HR, Precision, MRR at each K, catalogue"
                    + " coverage and novelty. Popularity, ItemKNN, EASE and implicit ALS run on the same split;"
                    + " EASE's and ALS's settings are chosen on a validation split carved out of the training part.",
            "Writes topk.md (tables, per-stage breakdown, charts), topk.json and PNG charts into --out.",
        })
final class EvalTopKCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Option(
            names = "--split",
            defaultValue = "random",
            description = "random (per-user random holdout), last (per-user leave-last-n by time) or time (global"
                    + " time split). Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(
            names = "--test-fraction",
            defaultValue = "0.2",
            description = "Share held out by the random and time splits. Default: ${DEFAULT-VALUE}.")
    double testFraction;

    @Option(
            names = "--last-n",
            defaultValue = "5",
            description = "Ratings held out per user by the last split. Default: ${DEFAULT-VALUE}.")
    int lastN;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the split and the models. Default: 42.")
    long seed;

    @Option(
            names = "--k",
            split = ",",
            defaultValue = "10,20,50",
            description = "Cut-offs; must include 10. Default: ${DEFAULT-VALUE}.")
    int[] ks;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Report folder. Default: <data home>/eval/<dataset>-<split>.")
    Path out;

    @Option(
            names = "--models",
            split = ",",
            defaultValue = "deepfm,two-tower",
            description = "Models trained for the pipeline, as `wren train --model` names them; 'none' for none."
                    + " Default: ${DEFAULT-VALUE}.")
    List<String> models;

    @Option(
            names = "--ranker",
            description = "The pipeline's ranker (cf, learned, model, blend, recall). Default: the serving default,"
                    + " or learned when the learned top-K ranker beats it on validation.")
    String ranker;

    @Option(
            names = "--channels",
            split = ",",
            description = "The pipeline's recall channels, with equal quotas (e.g. ease,als,popular). Default: the"
                    + " serving default.")
    List<String> channels;

    @Option(
            names = "--candidates",
            description = "Candidates recall gathers and the ranker scores. Default: the serving default.")
    Integer candidates;

    @Option(
            names = "--channel-depth",
            defaultValue = "200",
            description = "Candidates each recall channel is asked for alone, in the per-stage breakdown."
                    + " Default: ${DEFAULT-VALUE}.")
    int channelDepth;

    @Option(
            names = "--quick",
            description = "Tune on a small grid (3 EASE lambdas, 4 ALS settings, 3 blend weights) instead of the full"
                    + " one (6, 16, 4): about three times faster.")
    boolean quick;

    @Option(
            names = "--compare-rankers",
            split = ",",
            description = "Other rankers evaluated in the same pipeline on the same users, each in place of the chosen"
                    + " one: cf (EASE and ALS blended), learned (the learned top-K ranker, trained on the validation"
                    + " split's candidates), model (the best trained ranking bundle, e.g. DeepFM), blend, recall.")
    List<String> compareRankers = List.of();

    @Option(names = "--no-baselines", description = "Evaluate the pipeline only.")
    boolean noBaselines;

    @Option(names = "--no-pipeline", description = "Evaluate the baselines only.")
    boolean noPipeline;

    @Override
    public Integer call() {
        PrintWriter printer = spec.commandLine().getOut();
        Path data = dataOptions.resolve(spec.commandLine().getErr()).toAbsolutePath();
        SplitSpec splitSpec;
        try {
            splitSpec = new SplitSpec(SplitMethod.of(split), testFraction, lastN, seed);
        } catch (IllegalArgumentException e) {
            throw new WrenUserException(e.getMessage(), ExitCodes.USAGE, e);
        }
        Path report = out != null
                ? out
                : dataOptions
                        .home
                        .resolve("eval")
                        .resolve(data.getFileName() + "-" + splitSpec.method().label());
        Optional<PipelineOptions> pipeline = noPipeline ? Optional.empty() : Optional.of(pipelineOptions());
        TopKEvalConfig config;
        try {
            config = new TopKEvalConfig(
                    data,
                    splitSpec,
                    ks,
                    report.resolve("work"),
                    !noBaselines,
                    pipeline,
                    channelDepth,
                    quick ? TuningGrid.quick() : TuningGrid.standard(),
                    compareRankers);
        } catch (IllegalArgumentException e) {
            throw new WrenUserException(e.getMessage(), ExitCodes.USAGE, e);
        }
        printer.println("Evaluating top-K lists on " + data + " (" + splitSpec.describe() + ")");
        printer.flush();
        SparkSession spark = SparkSessions.open(SparkSessions.DEFAULT_MASTER, 8);
        TopKReport result;
        try {
            result = new TopKEvaluation(spark).run(config);
        } finally {
            spark.stop();
        }
        Path md = TopKReportWriter.write(result, report);
        print(printer, result);
        printer.println("Report written to " + md);
        return ExitCodes.OK;
    }

    private PipelineOptions pipelineOptions() {
        PipelineOptions options = PipelineOptions.defaults(seed);
        if (models.size() == 1 && models.get(0).equals("none")) {
            options = options.withModels(List.of());
        } else {
            options = options.withModels(models);
        }
        PipelineSettings settings = options.settings();
        if (ranker != null) {
            settings = settings.withRanker(ranker);
            options = options.withRankerFixed();
        }
        if (candidates != null) {
            settings = settings.withCandidateBudget(candidates);
        }
        if (channels != null) {
            settings = settings.withChannels(channels, java.util.Map.of());
        }
        return options.withSettings(settings);
    }

    static void print(PrintWriter out, TopKReport r) {
        out.printf(Locale.ROOT, "%-34s %9s %9s %9s %9s%n", "method", "NDCG@10", "Recall@10", "HR@10", "coverage");
        for (MethodResult m : r.methods()) {
            TopKResult t = m.results().get(10);
            out.printf(
                    Locale.ROOT,
                    "%-34s %9.4f %9.4f %9.4f %9.3f%n",
                    m.name(),
                    t.ndcg(),
                    t.recall(),
                    t.hitRate(),
                    t.coverage());
        }
        out.flush();
    }
}
