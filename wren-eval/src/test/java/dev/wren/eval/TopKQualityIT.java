package dev.wren.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.eval.baseline.TuningGrid;
import dev.wren.eval.pipeline.PipelineOptions;
import dev.wren.eval.split.SplitMethod;
import dev.wren.eval.split.SplitSpec;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quality floor: on ml-100k with a per-user random 80/20 split, the whole pipeline, built and served as a user
 * would build and serve it, recommends at least as well as the best baseline run on the same split, less {@value
 * #MARGIN} NDCG@10. Tuning uses the quick grid to keep the suite's time down; `wren eval topk` uses the full one.
 */
class TopKQualityIT {
    /** How far below the best baseline's NDCG@10 the pipeline may fall before this test fails. */
    static final double MARGIN = 0.005;

    @TempDir
    Path work;

    @Test
    void theWholePipelineRecommendsAtLeastAsWellAsTheBestBaselineOnMl100k() {
        Path data = SharedData.dataset("ml-100k");
        TopKEvalConfig config = new TopKEvalConfig(
                data,
                SplitSpec.defaults(SplitMethod.RANDOM, 42),
                new int[] {10, 50},
                work,
                true,
                Optional.of(PipelineOptions.defaults(42).withModels(List.of())),
                100,
                TuningGrid.quick(),
                List.of("cf", "learned"));

        TopKReport report = new TopKEvaluation(TestSpark.session()).run(config);

        MethodResult pipeline = report.methods().stream()
                .filter(m -> m.kind().equals("pipeline"))
                .findFirst()
                .orElseThrow();
        MethodResult best = report.methods().stream()
                .filter(m -> m.kind().equals("baseline"))
                .max(Comparator.comparingDouble(MethodResult::ndcg10))
                .orElseThrow();
        MethodResult popularity = report.methods().stream()
                .filter(m -> m.name().equals("popularity"))
                .findFirst()
                .orElseThrow();
        assertThat(report.testUsers()).isEqualTo(943);
        assertThat(best.name()).isIn("EASE", "ALS");
        assertThat(pipeline.ndcg10())
                .as("pipeline NDCG@10 against %s's %.4f", best.name(), best.ndcg10())
                .isGreaterThanOrEqualTo(best.ndcg10() - MARGIN);
        assertThat(pipeline.ndcg10()).isGreaterThan(1.5 * popularity.ndcg10());
        // The blend of the two filters and the learned ranker, whichever validation chose, both hold the floor.
        List<MethodResult> rankers = report.methods().stream()
                .filter(m -> m.kind().startsWith("pipeline"))
                .toList();
        assertThat(rankers).hasSize(2);
        assertThat(rankers).allSatisfy(m -> assertThat(m.ndcg10())
                .as("%s (%s)", m.name(), m.setting())
                .isGreaterThanOrEqualTo(best.ndcg10() - MARGIN));
        // Recall finds what the ranker needs: most held-out items are among the candidates.
        assertThat(report.stages().orElseThrow().merged().recall()).isGreaterThan(0.6);
    }
}
