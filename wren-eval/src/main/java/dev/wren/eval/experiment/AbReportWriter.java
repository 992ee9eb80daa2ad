package dev.wren.eval.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.wren.model.report.LineChart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code ab.md} (what a person reads), {@code ab.json} (the same figures for scripts) and {@code msprt.png}
 * (the always-valid p-value at each look beside the fixed-horizon one) into one folder. Stateless.
 */
public final class AbReportWriter {
    public static final String MARKDOWN = "ab.md";
    public static final String JSON = "ab.json";
    public static final String CHART = "msprt.png";

    private AbReportWriter() {}

    /** Writes the report; returns the Markdown file. */
    public static Path write(AbResult result, AbSettings settings, Path dir) {
        try {
            Files.createDirectories(dir);
            json().writeValue(dir.resolve(JSON).toFile(), result);
            if (!result.comparisons().isEmpty()) {
                chart(result).writePng(dir.resolve(CHART));
            }
            Path md = dir.resolve(MARKDOWN);
            Files.writeString(md, markdown(result, settings));
            return md;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir + ": " + e.getMessage(), e);
        }
    }

    public static ObjectMapper json() {
        return new ObjectMapper().registerModule(new Jdk8Module()).enable(SerializationFeature.INDENT_OUTPUT);
    }

    private static LineChart chart(AbResult r) {
        LineChart chart = new LineChart(
                "Sequential test of " + r.metric() + ", experiment " + r.experiment(),
                "hours since the first exposure",
                "p-value");
        for (AbResult.Comparison c : r.comparisons()) {
            List<AbResult.Look> looks = c.looks();
            double[] x = looks.stream()
                    .mapToDouble(l -> (l.time() - r.firstExposure()) / 3_600_000.0)
                    .toArray();
            chart.add(
                    c.treatment() + ": always-valid p",
                    x,
                    looks.stream().mapToDouble(AbResult.Look::alwaysValidP).toArray());
            chart.add(
                    c.treatment() + ": fixed-horizon p",
                    x,
                    looks.stream().mapToDouble(AbResult.Look::fixedHorizonP).toArray());
            if (c == r.comparisons().get(0)) {
                chart.add("alpha 0.05", new double[] {x[0], x[x.length - 1]}, new double[] {0.05, 0.05});
            }
        }
        return chart;
    }

    static String markdown(AbResult r, AbSettings s) {
        StringBuilder md = new StringBuilder();
        md.append("# A/B report: experiment `").append(r.experiment()).append("`\n\n");
        if (r.variants().isEmpty()) {
            md.append("No exposure in the logs belongs to this experiment.\n\n");
        } else {
            md.append(f(
                    "Exposures from %s to %s. Clicks and ratings are credited to the latest exposure of the same"
                            + " user that showed the item, within %d min. Users are the unit: every interval is a %.0f %%"
                            + " CLT interval over users (delta method for ratios).%n%n",
                    Instant.ofEpochMilli(r.firstExposure()),
                    Instant.ofEpochMilli(r.lastExposure()),
                    s.window().toMinutes(),
                    100 * s.level()));
            md.append("## Variants\n\n");
            md.append("| variant | users | lists | items shown | clicks | CTR | ratings | rating rate | mean rating"
                    + " | clicks per user |\n");
            md.append("|---|---:|---:|---:|---:|---|---:|---|---|---|\n");
            for (AbResult.VariantSummary v : r.variants()) {
                md.append(f(
                        "| %s | %,d | %,d | %,d | %,d | %s | %,d | %s | %s | %s |%n",
                        v.variant(),
                        v.users(),
                        v.exposures(),
                        v.shown(),
                        v.clicks(),
                        ci(v.ctr()),
                        v.ratings(),
                        ci(v.ratingRate()),
                        ci(v.meanRating()),
                        ci(v.clicksPerUser())));
            }
            if (r.switchedUsers() > 0) {
                md.append(f("%n%,d users were seen in more than one variant and are left out.%n", r.switchedUsers()));
            }
            md.append("\n## Treatment against control (").append(r.metric()).append(")\n\n");
            md.append("| treatment | control | difference | lift | CUPED difference | CUPED lift | variance removed"
                    + " by CUPED | fixed-horizon p | always-valid p | always-valid interval |\n");
            md.append("|---|---|---|---:|---|---:|---:|---:|---:|---|\n");
            for (AbResult.Comparison c : r.comparisons()) {
                md.append(f(
                        "| %s | %s | %s | %s | %s | %s | %s | %s | %s | [%s, %s] |%n",
                        c.treatment(),
                        c.control(),
                        ci(c.difference()),
                        pct(c.relativeLift()),
                        c.cuped().map(x -> ci(x.adjusted())).orElse("-"),
                        pct(c.cupedRelativeLift()),
                        c.cuped()
                                .map(x -> f("%.1f %%", 100 * x.varianceReduction()))
                                .orElse("-"),
                        p(c.fixedHorizonP()),
                        p(c.alwaysValidP()),
                        num(c.alwaysValidLower()),
                        num(c.alwaysValidUpper())));
            }
            md.append(f(
                    "%nCUPED uses each user's events logged before their first exposure as the covariate. The"
                            + " always-valid p-value is a mixture SPRT (normal approximation, mixing prior N(0, tau^2)"
                            + " with tau = %.2f pooled standard deviations) over %d looks: it stays valid however often"
                            + " it is checked; the fixed-horizon p (Welch's t-test) is valid only at one planned look.%n%n",
                    s.tauInSd(), s.looks()));
            md.append("![sequential test](").append(CHART).append(")\n\n");
        }
        r.sampleRatio().ifPresent(srm -> {
            md.append(
                    "## Sample ratio\n\n| variant | users | expected share | observed share |\n|---|---:|---:|---:|\n");
            long total =
                    srm.observed().values().stream().mapToLong(Long::longValue).sum();
            srm.observed()
                    .forEach((v, n) -> md.append(f(
                            "| %s | %,d | %.1f %% | %.1f %% |%n",
                            v, n, 100 * srm.expectedShare().get(v), 100.0 * n / total)));
            md.append(f(
                    "%nChi-square %.2f, p = %s: %s%n%n",
                    srm.chiSquare(),
                    p(srm.pValue()),
                    srm.mismatch()
                            ? "**sample ratio mismatch** (p < " + srm.threshold()
                                    + "): assignment or logging is broken, and"
                                    + " the figures above cannot be trusted."
                            : "no mismatch (threshold p < " + srm.threshold() + ")."));
        });
        new java.util.TreeMap<>(r.interleaving()).forEach((name, il) -> {
            md.append("## Interleaving (team draft): `").append(name).append("`\n\n");
            md.append(f(
                    "%,d users saw interleaved lists: %,d preferred A, %,d preferred B, %,d neither (%,d clicks"
                            + " credited to A, %,d to B). Preference for B: %s (%s); sign test p = %s.%n%n",
                    il.users(),
                    il.preferA(),
                    il.preferB(),
                    il.ties(),
                    il.clicksA(),
                    il.clicksB(),
                    ci(il.preference()),
                    il.preference().method(),
                    p(il.signTestP())));
        });
        md.append("## Logs\n\n");
        md.append(f(
                "%,d bad lines skipped; %,d records with a newer schemaVersion skipped.%n",
                r.badLines(), r.newerVersionRecords()));
        for (String bad : r.badLineExamples()) {
            md.append("- ").append(bad).append('\n');
        }
        return md.toString();
    }

    private static String ci(Estimate e) {
        if (Double.isNaN(e.lower())) {
            return num(e.value());
        }
        return num(e.value()) + " [" + num(e.lower()) + ", " + num(e.upper()) + "]";
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : f(Math.abs(v) >= 100 ? "%.1f" : "%.4f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : f("%+.1f %%", 100 * v).replace("+", v == 0 ? "" : "+");
    }

    private static String p(double v) {
        return Double.isNaN(v) ? "-" : v < 1e-4 ? f("%.1e", v) : f("%.4f", v);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
