package dev.wren.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.wren.core.eval.TopKResult;
import dev.wren.eval.MethodResult;
import dev.wren.eval.TopKReport;
import dev.wren.eval.baseline.Baselines;
import dev.wren.eval.pipeline.PipelineTuning;
import dev.wren.eval.pipeline.StageBreakdown;
import dev.wren.model.report.LineChart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code topk.md} (tables and charts a person reads), {@code topk.json} (the same figures for scripts) and the
 * charts as PNG into one folder. Stateless.
 */
public final class TopKReportWriter {
    public static final String MARKDOWN = "topk.md";
    public static final String JSON = "topk.json";

    private TopKReportWriter() {}

    /** Writes the report; returns the Markdown file. */
    public static Path write(TopKReport report, Path dir) {
        try {
            Files.createDirectories(dir);
            json().writeValue(dir.resolve(JSON).toFile(), report);
            chart(report, "NDCG@K", TopKResult::ndcg, dir.resolve("ndcg.png"));
            chart(report, "Recall@K", TopKResult::recall, dir.resolve("recall.png"));
            Path md = dir.resolve(MARKDOWN);
            Files.writeString(md, markdown(report));
            return md;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The mapper the JSON report is written (and read back) with. */
    public static ObjectMapper json() {
        return new ObjectMapper().registerModule(new Jdk8Module()).enable(SerializationFeature.INDENT_OUTPUT);
    }

    private static void chart(
            TopKReport report, String metric, java.util.function.ToDoubleFunction<TopKResult> value, Path file) {
        LineChart chart = new LineChart(metric + " on " + report.split(), "K", metric).withIntegerX();
        for (MethodResult m : report.methods()) {
            double[] x = m.results().keySet().stream().mapToDouble(k -> k).toArray();
            double[] y = m.results().values().stream().mapToDouble(value).toArray();
            chart.add(m.name(), x, y);
        }
        chart.writePng(file);
    }

    static String markdown(TopKReport r) {
        StringBuilder md = new StringBuilder();
        md.append("# Top-K evaluation\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Dataset `%s`: %,d users, %,d catalogue items. Split: %s: %,d training and %,d held-out ratings;"
                        + " %,d test users. Every held-out rating is relevant; each user's training items are left out"
                        + " of their list; NDCG's ideal gain counts min(K, held-out) hits.%n%n",
                r.dataset(),
                r.users(),
                r.items(),
                r.split(),
                r.trainRatings(),
                r.testRatings(),
                r.testUsers()));
        List<Integer> ks = r.methods().isEmpty()
                ? List.of()
                : List.copyOf(r.methods().get(0).results().keySet());
        md.append("## Test scores\n\n| method | ");
        for (int k : ks) {
            md.append("NDCG@").append(k).append(" | Recall@").append(k).append(" | ");
        }
        md.append("HR@10 | Precision@10 | MRR@10 | coverage@10 | novelty@10 | seconds | setting |\n|---|");
        md.append("---|---|".repeat(ks.size())).append("---|---|---|---|---|---|---|\n");
        for (MethodResult m : r.methods()) {
            md.append("| ").append(m.name()).append(" | ");
            for (int k : ks) {
                TopKResult t = m.results().get(k);
                md.append(String.format(
                        Locale.ROOT, "%.4f ± %.4f | %.4f | ", t.ndcg(), t.ndcgStandardError(), t.recall()));
            }
            TopKResult t10 = m.results().get(10);
            md.append(String.format(
                    Locale.ROOT,
                    "%.4f | %.4f | %.4f | %.3f | %.0f | %.1f | %s |%n",
                    t10.hitRate(),
                    t10.precision(),
                    t10.mrr(),
                    t10.coverage(),
                    t10.novelty(),
                    m.seconds(),
                    m.setting()));
        }
        md.append("\n± is one standard error over users. Novelty is the mean training-popularity rank of the items"
                + " shown (1 is the most popular). Coverage is the share of the catalogue shown to anyone.\n\n");
        md.append("![NDCG@K](ndcg.png)\n\n![Recall@K](recall.png)\n\n");
        r.stages().ifPresent(s -> stages(md, s));
        if (!r.pipelineTuning().isEmpty()) {
            md.append("## The pipeline's settings, chosen on the validation split\n\n");
            md.append(String.format(
                    Locale.ROOT,
                    "The re-ranker's trade-off: the most diverse setting within %.1f %% of the best validation NDCG@10"
                            + " is chosen, then the freshness weight with the best NDCG@10.%n%n",
                    PipelineTuning.NDCG_TOLERANCE * 100));
            md.append("| setting | validation NDCG@10 | intra-list genre diversity@10 |\n|---|---|---|\n");
            for (PipelineTuning.Trial t : r.pipelineTuning()) {
                md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f |%n", t.setting(), t.ndcg(), t.diversity()));
            }
            md.append('\n');
        }
        if (!r.tuning().isEmpty()) {
            md.append(
                    "## Tuning on the validation split\n\n| method | setting | validation NDCG@10 |\n|---|---|---|\n");
            for (Baselines.Trial t : r.tuning()) {
                md.append(String.format(
                        Locale.ROOT, "| %s | %s | %.4f |%n", t.baseline(), t.setting(), t.validationNdcg()));
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static void stages(StringBuilder md, StageBreakdown.Result s) {
        md.append("## The pipeline, stage by stage\n\n");
        md.append("Recall of each channel alone is the share of a user's held-out items among its candidates: the"
                + " ceiling a ranker could reach with that channel.\n\n");
        md.append("| stage | candidates per user | recall of the held-out items |\n|---|---|---|\n");
        for (Map.Entry<String, StageBreakdown.Channel> c : s.channels().entrySet()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| channel `%s` alone | %.0f | %.4f |%n",
                    c.getKey(),
                    c.getValue().candidates(),
                    c.getValue().recall()));
        }
        md.append(String.format(
                Locale.ROOT,
                "| merged candidates (what the ranker sees) | %.0f | %.4f |%n%n",
                s.merged().candidates(),
                s.merged().recall()));
        md.append("| list | NDCG@10 | Recall@10 | intra-list genre diversity@" + s.diversityK()
                + " |\n|---|---|---|---|\n");
        md.append(String.format(
                Locale.ROOT,
                "| the ranker's order | %.4f | %.4f | %.4f |%n",
                s.ranked().get(10).ndcg(),
                s.ranked().get(10).recall(),
                s.rankedDiversity()));
        md.append(String.format(
                Locale.ROOT,
                "| after re-ranking (final) | %.4f | %.4f | %.4f |%n%n",
                s.reranked().get(10).ndcg(),
                s.reranked().get(10).recall(),
                s.rerankedDiversity()));
    }
}
