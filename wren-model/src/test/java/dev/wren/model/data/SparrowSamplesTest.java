package dev.wren.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wren.model.eval.CrossValidationResult;
import dev.wren.model.train.CrossValidation;
import dev.wren.model.train.SparrowBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparrowSamplesTest {
    private static InMemorySampleSource sparrow() throws IOException {
        Path csv = SharedData.sparrowSamples().orElse(null);
        assumeTrue(csv != null, "shared/data/sparrow/samples/testSamples.csv not found beside the repository");
        return SparrowSamples.read(csv);
    }

    @Test
    void readsEveryRowWithTheSparrowLayout() throws IOException {
        InMemorySampleSource data = sparrow();
        assertThat(data.size()).isEqualTo(22_440);
        FeatureLayout layout = data.layout();
        assertThat(layout.categoricalNames())
                .startsWith("userId", "movieId", "movieGenre1")
                .hasSize(10);
        assertThat(layout.numericCount()).isEqualTo(9);
        assertThat(layout.sequenceLength()).isEqualTo(5);
        // Label is rating >= 3.5; the file's positive share is 56.1 %.
        double positives = data.samples().stream().mapToDouble(Sample::label).sum();
        assertThat(positives / data.size()).isBetween(0.560, 0.561);
    }

    @Test
    void theAverageRatingFloorReachesTheKnownAuc() throws IOException {
        InMemorySampleSource data = sparrow();
        CrossValidationResult floor = SparrowBenchmark.floor(data, new CrossValidation(5, 0.1, 7));
        assertThat(floor.rocAuc().mean()).isBetween(0.75, 0.77);
    }

    @Test
    void firstSampleMatchesTheFirstRow() throws IOException {
        InMemorySampleSource data = sparrow();
        Sample first = data.samples().get(0);
        FeatureLayout layout = data.layout();
        assertThat(first.categorical()[layout.categoricalIndex("userId")]).isEqualTo(14887);
        assertThat(first.categorical()[layout.categoricalIndex("movieId")]).isEqualTo(1);
        assertThat(layout.categoricalField("movieGenre1")
                        .vocabulary()
                        .get(first.categorical()[layout.categoricalIndex("movieGenre1")] - 1))
                .isEqualTo("Adventure");
        assertThat(first.sequence()).containsExactly(349, 590, 150, 592, 0);
        assertThat(first.label()).isZero();
    }

    @Test
    void aMissingColumnIsNamed(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "movieId,userId,rating\n1,2,3.0\n");
        assertThatThrownBy(() -> SparrowSamples.read(csv))
                .hasMessageContaining("bad.csv")
                .hasMessageContaining("movieGenre1");
    }
}
