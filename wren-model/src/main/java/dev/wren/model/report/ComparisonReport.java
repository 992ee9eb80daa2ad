package dev.wren.model.report;

import dev.wren.model.eval.Metrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compares trained models: finds the latest bundle of each model that has a {@code metrics.json}, and writes
 * {@code report.md} with a metrics table, {@code roc.png}, {@code training-loss.png} and {@code validation-auc.png}.
 * Stateless.
 */
public final class ComparisonReport {
    public static final String MARKDOWN = "report.md";
    private static final Pattern VERSION = Pattern.compile("v(\\d+)");

    private ComparisonReport() {}

    /** The latest evaluated bundle of every model under {@code bundles} ({@code <model>/v<N>/metrics.json}). */
    public static List<ModelResult> collect(Path bundles) {
        if (!Files.isDirectory(bundles)) {
            throw new IllegalArgumentException("no bundles folder " + bundles + ": train models first (wren train)");
        }
        List<ModelResult> out = new ArrayList<>();
        try (Stream<Path> models = Files.list(bundles)) {
            for (Path model : models.sorted().toList()) {
                latestEvaluated(model).ifPresent(f -> out.add(ModelResult.read(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + bundles, e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no evaluated bundles (<model>/v<N>/" + ModelResult.FILE + ") under "
                    + bundles + ": train models first (wren train)");
        }
        return out;
    }

    private static Optional<Path> latestEvaluated(Path model) throws IOException {
        if (!Files.isDirectory(model)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(model)) {
            return versions.filter(
                            v -> VERSION.matcher(v.getFileName().toString()).matches())
                    .filter(v -> Files.isRegularFile(v.resolve(ModelResult.FILE)))
                    .max(Comparator.comparingInt(ComparisonReport::version))
                    .map(v -> v.resolve(ModelResult.FILE));
        }
    }

    private static int version(Path dir) {
        Matcher m = VERSION.matcher(dir.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Writes the report and its charts into {@code out}; returns the Markdown file. */
    public static Path write(List<ModelResult> results, Path out) {
        List<ModelResult> sorted = results.stream()
                .sorted(Comparator.comparingDouble((ModelResult r) -> r.test().rocAuc())
                        .reversed())
                .toList();
        LineChart roc = new LineChart("ROC curves on the test split", "false positive rate", "true positive rate")
                .withDiagonal();
        LineChart loss = new LineChart("Training loss per epoch", "epoch", "mean training loss").withIntegerX();
        LineChart auc = new LineChart("Validation AUC per epoch", "epoch", "validation ROC-AUC").withIntegerX();
        for (ModelResult r : sorted) {
            roc.add(
                    String.format(Locale.ROOT, "%s (%.3f)", r.model(), r.test().rocAuc()),
                    r.roc().fpr(),
                    r.roc().tpr());
            double[] epochs = java.util.stream.IntStream.rangeClosed(
                            1, r.training().trainLosses().size())
                    .asDoubleStream()
                    .toArray();
            loss.add(r.model(), epochs, unbox(r.training().trainLosses()));
            auc.add(r.model(), epochs, unbox(r.training().validationAucs()));
        }
        roc.writePng(out.resolve("roc.png"));
        loss.writePng(out.resolve("training-loss.png"));
        auc.writePng(out.resolve("validation-auc.png"));
        StringBuilder md = new StringBuilder();
        md.append("# Wren model comparison\n\n");
        ModelResult first = sorted.get(0);
        md.append("Samples: `")
                .append(first.samples())
                .append("`, split `")
                .append(first.split())
                .append("` (test metrics; models sorted by ROC-AUC).\n\n");
        md.append("| model | ROC-AUC | PR-AUC | log loss | accuracy | group AUC | test samples | epochs (best) |"
                + " train samples/s | bundle |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (ModelResult r : sorted) {
            Metrics m = r.test();
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.4f | %.4f | %.4f | %.4f | %.4f | %d | %d (%d) | %.0f | `%s` |%n",
                    r.model(),
                    m.rocAuc(),
                    m.prAuc(),
                    m.logLoss(),
                    m.accuracy(),
                    m.groupAuc(),
                    m.samples(),
                    r.training().epochsRun(),
                    r.training().bestEpoch(),
                    r.training().samplesPerSecond(),
                    r.bundle()));
        }
        boolean mixed = sorted.stream()
                        .map(r -> r.samples() + "|" + r.split())
                        .distinct()
                        .count()
                > 1;
        if (mixed) {
            md.append("\nNote: these models were evaluated on different samples or splits; compare with care.\n");
        }
        md.append("\n![ROC curves](roc.png)\n\n![Training loss](training-loss.png)\n\n")
                .append("![Validation AUC](validation-auc.png)\n");
        Path file = out.resolve(MARKDOWN);
        try {
            Files.createDirectories(out);
            Files.writeString(file, md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
