package dev.wren.data.movielens;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Exact counts on the real datasets in {@code shared/data}, skipped when that folder is absent. */
class SharedDataTest {
    private static Path dataset(String name) {
        return SharedData.dataset(name);
    }

    @Test
    void readsMlLatestSmallExactly() {
        MovieLensReader reader = MovieLensReader.open(dataset("ml-latest-small"), ReadOptions.strictMode());

        assertThat(reader.layout()).isEqualTo(MovieLensLayout.CSV);
        assertThat(reader.items().size()).isEqualTo(9_742);
        assertThat(reader.forEachRating((u, i, r, t) -> {})).isEqualTo(100_836);
        assertThat(reader.users().size()).isEqualTo(610);
        assertThat(reader.forEachTag(t -> {})).isEqualTo(3_683);
        assertThat(reader.links().size()).isEqualTo(9_742);
        assertThat(reader.report().totalBadRows()).isZero();
    }

    @Test
    void readsMl100kExactly() {
        MovieLensReader reader = MovieLensReader.open(dataset("ml-100k"), ReadOptions.strictMode());

        assertThat(reader.layout()).isEqualTo(MovieLensLayout.ML_100K);
        assertThat(reader.items().size()).isEqualTo(1_682);
        assertThat(reader.forEachRating((u, i, r, t) -> {})).isEqualTo(100_000);
        assertThat(reader.users().size()).isEqualTo(943);
        assertThat(reader.items().get(1).genres()).containsExactly("Animation", "Children's", "Comedy");
        assertThat(reader.report().totalBadRows()).isZero();
    }

    @Test
    void readsTheSparrowCatalogueWithoutRatings() {
        MovieLensReader reader = MovieLensReader.open(dataset("sparrow"), ReadOptions.strictMode());

        // 982 rows, not the 981 that `wc -l` (and sparrow's README) count: the last line has no newline.
        assertThat(reader.items().size()).isEqualTo(982);
        assertThat(reader.links().size()).isEqualTo(982);
        assertThat(reader.forEachRating((u, i, r, t) -> {})).isZero();
        assertThat(reader.report().totalBadRows()).isZero();
    }
}
