package dev.wren.cli;

import dev.wren.eval.experiment.AbAnalysis;
import dev.wren.eval.experiment.AbReportWriter;
import dev.wren.eval.experiment.AbResult;
import dev.wren.eval.experiment.AbSettings;
import dev.wren.eval.experiment.ExperimentLog;
import dev.wren.eval.experiment.ExperimentLogReader;
import dev.wren.eval.experiment.KafkaLogReader;
import dev.wren.eval.experiment.SampleRatioCheck;
import dev.wren.serving.ab.Experiment;
import dev.wren.serving.ab.ExperimentsFile;
import dev.wren.serving.ab.Variant;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wren ab report}: one experiment's analysis from the event and exposure logs. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Read the server's event and exposure logs (JSON lines, wren-serving's EVENT_LOG.md; or the Kafka topics"
                    + " with --kafka), credit each click and rating to the latest exposure of the same user that showed"
                    + " the item within --window-minutes, and analyse one experiment with users as the unit:",
            "  per variant: users, lists, items shown, clicks, CTR, ratings, rating rate and mean rating with"
                    + " confidence intervals (delta method over users);",
            "  each treatment against the control on clicks per user: the difference and lift, the CUPED-adjusted"
                    + " difference (covariate: the user's events before their first exposure), Welch's fixed-horizon"
                    + " p, and an always-valid mSPRT p-value over --looks looks (safe to peek at);",
            "  the sample-ratio check (chi-square against --experiments' shares, or --split, or equal shares);",
            "  the team-draft interleaving preference with a sign test and a bootstrap interval, when the logs have"
                    + " interleaved exposures.",
            "Writes ab.md, ab.json and msprt.png into --out. Bad lines are skipped, counted and listed with file and"
                    + " line.",
        })
final class AbReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataHome home;

    @Option(
            names = "--events",
            paramLabel = "FILE",
            split = ",",
            description = "Event and exposure logs (JSON lines), one or more. Default: <data home>/events.jsonl.")
    List<Path> logs;

    @Option(
            names = "--kafka",
            paramLabel = "HOST:PORT",
            description = "Read the topics from this Kafka cluster instead of files, from the beginning to the end"
                    + " offsets at start.")
    String kafka;

    @ConfigKey({"kafka.events-topic", "kafka.exposures-topic"})
    @Option(
            names = "--kafka-topics",
            paramLabel = "EVENTS,EXPOSURES",
            split = ",",
            description = "The topics read with --kafka. Default: ${DEFAULT-VALUE} (configuration keys"
                    + " kafka.events-topic and kafka.exposures-topic).")
    List<String> kafkaTopics;

    @Option(
            names = "--experiment",
            paramLabel = "NAME",
            description = "The experiment to analyse. Default: the only one in the logs.")
    String experiment;

    @Option(
            names = "--control",
            paramLabel = "VARIANT",
            description = "The control variant. Default: 'control' if present, else the first by name.")
    String control;

    @Option(
            names = "--experiments",
            paramLabel = "FILE",
            description = "The server's experiments file, for the configured shares of the sample-ratio check.")
    Path experimentsFile;

    @Option(
            names = "--split",
            paramLabel = "VARIANT=SHARE",
            split = ",",
            description = "The configured shares, e.g. control=0.5,b=0.5 (instead of --experiments).")
    Map<String, Double> split;

    @Option(
            names = "--window-minutes",
            defaultValue = "30",
            description = "How long after an exposure a click or rating is credited to it. Default: ${DEFAULT-VALUE}.")
    long windowMinutes;

    @Option(names = "--level", defaultValue = "0.95", description = "Confidence level. Default: ${DEFAULT-VALUE}.")
    double level;

    @Option(
            names = "--tau",
            defaultValue = "0.1",
            description = "The mSPRT mixing prior's standard deviation, in pooled standard deviations of the metric."
                    + " Default: ${DEFAULT-VALUE}.")
    double tau;

    @Option(names = "--looks", defaultValue = "50", description = "Looks of the sequential test. Default: 50.")
    int looks;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the bootstrap. Default: 42.")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Report folder. Default: <data home>/ab/<experiment>.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        ExperimentLog log = kafka != null ? readKafka() : readFiles();
        if (log.exposures().isEmpty()) {
            throw new WrenUserException(
                    "no exposures in the logs (" + source() + "; " + log.badLineCount() + " bad lines)",
                    ExitCodes.BAD_INPUT);
        }
        String name = experiment != null ? experiment : onlyExperiment(log);
        Map<String, Double> shares = shares(name);
        AbSettings settings = new AbSettings(
                name,
                Optional.ofNullable(control),
                shares,
                Duration.ofMinutes(windowMinutes),
                level,
                tau,
                looks,
                SampleRatioCheck.DEFAULT_THRESHOLD,
                seed);
        AbResult result;
        try {
            result = AbAnalysis.analyse(log, settings);
        } catch (IllegalArgumentException e) {
            throw new WrenUserException(e.getMessage(), ExitCodes.BAD_INPUT, e);
        }
        if (result.variants().isEmpty()) {
            throw new WrenUserException(
                    "no exposure in the logs belongs to experiment '" + name + "'", ExitCodes.BAD_INPUT);
        }
        Path dir = out != null ? out : home.resolve("ab").resolve(name);
        Path md = AbReportWriter.write(result, settings, dir);
        console.printf(
                Locale.ROOT,
                "Read %,d exposures and %,d events from %s (%,d bad lines skipped%s).%n",
                log.exposures().size(),
                log.events().size(),
                source(),
                log.badLineCount(),
                log.badLines().isEmpty() ? "" : "; first: " + log.badLines().get(0));
        for (AbResult.VariantSummary v : result.variants()) {
            console.printf(
                    Locale.ROOT,
                    "  %-12s %,7d users  CTR %.4f  clicks/user %.3f%n",
                    v.variant(),
                    v.users(),
                    v.ctr().value(),
                    v.clicksPerUser().value());
        }
        for (AbResult.Comparison c : result.comparisons()) {
            console.printf(
                    Locale.ROOT,
                    "  %s vs %s: lift %+.1f %% (CUPED %+.1f %%), always-valid p %.4f%n",
                    c.treatment(),
                    c.control(),
                    100 * c.relativeLift(),
                    100 * c.cupedRelativeLift(),
                    c.alwaysValidP());
        }
        result.sampleRatio()
                .filter(s -> s.mismatch())
                .ifPresent(s -> console.printf(
                        Locale.ROOT,
                        "  SAMPLE RATIO MISMATCH: p = %.2e; do not trust this experiment's figures%n",
                        s.pValue()));
        new java.util.TreeMap<>(result.interleaving())
                .forEach((interleaved, il) -> console.printf(
                        Locale.ROOT,
                        "  interleaving %s: preference for B %+.3f, sign test p %.4f%n",
                        interleaved,
                        il.preference().value(),
                        il.signTestP()));
        console.println("Report: " + md);
        return ExitCodes.OK;
    }

    private ExperimentLog readFiles() {
        List<Path> files = logs != null && !logs.isEmpty() ? logs : List.of(home.resolve("events.jsonl"));
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new WrenUserException("no log file at " + f, ExitCodes.BAD_INPUT);
            }
        }
        return ExperimentLogReader.read(files);
    }

    private ExperimentLog readKafka() {
        try {
            return KafkaLogReader.read(kafka, kafkaTopics.stream().distinct().toList(), Duration.ofSeconds(10));
        } catch (IllegalStateException e) {
            throw new WrenUserException(e.getMessage(), ExitCodes.UNAVAILABLE, e);
        }
    }

    private String source() {
        if (kafka != null) {
            return "Kafka " + kafka + " " + kafkaTopics;
        }
        return logs != null && !logs.isEmpty()
                ? logs.toString()
                : home.resolve("events.jsonl").toString();
    }

    private static String onlyExperiment(ExperimentLog log) {
        TreeSet<String> names = new TreeSet<>();
        log.exposures().stream()
                .filter(x -> !x.interleaved())
                .forEach(x -> names.addAll(x.experiments().keySet()));
        if (names.size() != 1) {
            throw new WrenUserException(
                    names.isEmpty()
                            ? "no exposure in the logs is in an A/B experiment"
                            : "the logs have several experiments " + names + ": choose one with --experiment",
                    ExitCodes.BAD_INPUT);
        }
        return names.first();
    }

    private Map<String, Double> shares(String name) {
        if (split != null && !split.isEmpty()) {
            return split;
        }
        if (experimentsFile == null) {
            return Map.of();
        }
        List<Experiment> all;
        try {
            all = ExperimentsFile.read(experimentsFile);
        } catch (IllegalArgumentException e) {
            throw new WrenUserException(e.getMessage(), ExitCodes.BAD_INPUT, e);
        }
        List<String> names = new ArrayList<>();
        for (Experiment e : all) {
            names.add(e.name());
            if (e.name().equals(name)) {
                Map<String, Double> shares = new LinkedHashMap<>();
                for (Variant v : e.variants()) {
                    shares.put(v.name(), v.share());
                }
                return shares;
            }
        }
        throw new WrenUserException(
                "experiment '" + name + "' is not in " + experimentsFile + " (it has " + names + ")",
                ExitCodes.BAD_INPUT);
    }
}
