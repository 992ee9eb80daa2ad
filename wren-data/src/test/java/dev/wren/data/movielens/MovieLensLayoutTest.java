package dev.wren.data.movielens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensLayoutTest {
    @TempDir
    Path tmp;

    @Test
    void detectsEachLayoutFromItsFiles() {
        assertThat(MovieLensLayout.detect(Fixtures.csv(tmp.resolve("a")))).isEqualTo(MovieLensLayout.CSV);
        assertThat(MovieLensLayout.detect(Fixtures.ml1m(tmp.resolve("b")))).isEqualTo(MovieLensLayout.DAT_1M);
        assertThat(MovieLensLayout.detect(Fixtures.ml10m(tmp.resolve("c")))).isEqualTo(MovieLensLayout.DAT_10M);
        assertThat(MovieLensLayout.detect(Fixtures.ml100k(tmp.resolve("d"), true)))
                .isEqualTo(MovieLensLayout.ML_100K);
    }

    @Test
    void namesTheFilesItLookedForWhenNoneMatch() {
        Fixtures.write(tmp, "notes.txt", "hello");

        assertThatThrownBy(() -> MovieLensLayout.detect(tmp))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No MovieLens dataset in " + tmp)
                .hasMessageContaining("movies.csv")
                .hasMessageContaining("movies.dat")
                .hasMessageContaining("u.data");
    }

    @Test
    void saysWhenTheFolderIsMissing() {
        assertThatThrownBy(() -> MovieLensLayout.detect(tmp.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void wholeStarLayoutsRejectHalfStars() {
        assertThat(MovieLensLayout.DAT_1M.scale().problem(3.5f, "3.5")).contains("rating 3.5 is not a whole number");
        assertThat(MovieLensLayout.CSV.scale().problem(7f, "7.0")).contains("rating 7.0 is outside 0.5..5");
        assertThat(MovieLensLayout.CSV.scale().problem(3.7f, "3.7")).contains("rating 3.7 is not a multiple of 0.5");
        assertThat(MovieLensLayout.ML_100K.scale().problem(0.5f, "0.5")).contains("rating 0.5 is outside 1..5");
        assertThat(MovieLensLayout.DAT_10M.scale().problem(0.5f, "0.5")).isEmpty();
    }
}
