package dev.wren.cli;

import dev.wren.cli.config.WrenSettings;
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
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.commons.io.FileUtils;
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

    @ConfigKey("eval.topk.split")
    @Option(
            names = "--split",
            description = "random (per-user random holdout), last (per-user leave-last-n by time) or time (global"
                    + " time split). Default: ${DEFAULT-VALUE} (configuration key eval.topk.split).")
    String split;

    @ConfigKey("eval.topk.test-fraction")
    @Option(
            names = "--test-fraction",
            description = "Share held out by the random and time splits. Default: ${DEFAULT-VALUE} (configuration key"
                    + " eval.topk.test-fraction).")
    double testFraction;

    @ConfigKey("eval.topk.last-n")
    @Option(
            names = "--last-n",
            description = "Ratings held out per user by the last split. Default: ${DEFAULT-VALUE} (configuration key"
                    + " eval.topk.last-n).")
    int lastN;

    @ConfigKey("eval.topk.seed")
    @Option(
            names = "--seed",
            description = "Seed of the split and the models. Default: ${DEFAULT-VALUE} (configuration key"
                    + " eval.topk.seed).")
    long seed;

    @ConfigKey("eval.topk.k")
    @Option(
            names = "--k",
            split = ",",
            description = "Cut-offs; must include 10. Default: ${DEFAULT-VALUE} (configuration key eval.topk.k).")
    int[] ks;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Report folder. Default: <data home>/eval/<dataset>-<split>.")
    Path out;

    @ConfigKey("eval.topk.models")
    @Option(
            names = "--models",
            split = ",",
            description = "Models trained for the pipeline, as `wren train --model` names them; 'none' for none."
                    + " Default: ${DEFAULT-VALUE} (configuration key eval.topk.models).")
    List<String> models;

    // The serving keys are shown, not applied: given, a flag fixes the ranker or replaces the channels' quotas.
    @ConfigKey("serving.pipeline.ranker")
    @Option(
            names = "--ranker",
            description = "The pipeline's ranker (cf, learned, model, blend, recall). Default: ${DEFAULT-VALUE}"
                    + " (configuration key serving.pipeline.ranker), or learned when the learned top-K ranker beats it"
                    + " on validation.")
    String ranker;

    @ConfigKey("serving.pipeline.channels")
    @Option(
            names = "--channels",
            split = ",",
            description = "The pipeline's recall channels, with equal quotas (e.g. ease,als,popular). Default:"
                    + " ${DEFAULT-VALUE} with the quotas of serving.pipeline.quotas (configuration key"
                    + " serving.pipeline.channels).")
    List<String> channels;

    @ConfigKey("serving.pipeline.candidates")
    @Option(
            names = "--candidates",
            description = "Candidates recall gathers and the ranker scores. Default: ${DEFAULT-VALUE} (configuration"
                    + " key serving.pipeline.candidates).")
    Integer candidates;

    @ConfigKey("eval.topk.channel-depth")
    @Option(
            names = "--channel-depth",
            description = "Candidates each recall channel is asked for alone, in the per-stage breakdown."
                    + " Default: ${DEFAULT-VALUE} (configuration key eval.topk.channel-depth).")
    int channelDepth;

    @Option(
            names = "--quick",
            description = "Tune on a small grid (3 EASE lambdas, 4 ALS settings, 3 blend weights) instead of the full"
                    + " one (6, 16, 4): about three times faster. Also on when configuration key eval.topk.quick is"
                    + " true.")
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
        WrenSettings settings = ConfiguredExecution.settings(spec);
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
        Optional<PipelineOptions> pipeline = noPipeline ? Optional.empty() : Optional.of(pipelineOptions(settings));
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
                    quick || settings.eval().topk().quick() ? TuningGrid.quick() : TuningGrid.standard(),
                    compareRankers);
        } catch (IllegalArgumentException e) {
            throw new WrenUserException(e.getMessage(), ExitCodes.USAGE, e);
        }
        // The work folder holds one run's fits (an offline output, a store whose snapshot version is fixed): a new run
        // starts from an empty one rather than failing to publish over the last run's snapshot.
        try {
            FileUtils.deleteDirectory(config.work().toFile());
        } catch (IOException e) {
            throw new WrenUserException(
                    "cannot clear the previous run's work folder " + config.work() + ": " + e.getMessage(),
                    ExitCodes.FAILURE,
                    e);
        }
        printer.println("Evaluating top-K lists on " + data + " (" + splitSpec.describe() + ")");
        printer.flush();
        SparkSession spark = SparkSessions.open(
                settings.offline().master(), settings.offline().partitions());
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

    /** The configured serving pipeline, with what the flags given change. */
    private PipelineOptions pipelineOptions(WrenSettings configured) {
        boolean none = models.size() == 1 && models.get(0).equals("none");
        PipelineOptions options = new PipelineOptions(
                none ? List.of() : models,
                configured.pipelineSettings(),
                configured.store().dimension(),
                seed,
                configured.offline().cf().params(seed),
                true);
        PipelineSettings settings = options.settings();
        if (ConfiguredExecution.given(spec, "--ranker")) {
            settings = settings.withRanker(ranker);
            options = options.withRankerFixed();
        }
        if (ConfiguredExecution.given(spec, "--candidates")) {
            settings = settings.withCandidateBudget(candidates);
        }
        if (ConfiguredExecution.given(spec, "--channels")) {
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
