package dev.wren.data.movielens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Exact counts on the real datasets in {@code shared/data}, skipped when that folder is absent. */
class SharedDataTest {
    /** Walks up from the working directory to the first folder with a {@code shared/data} child or sibling. */
    static Optional<Path> sharedData(String dataset) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            for (Path candidate : new Path[] {
                p.resolve("shared/data"), p.resolveSibling("shared").resolve("data")
            }) {
                if (Files.isDirectory(candidate.resolve(dataset))) {
                    return Optional.of(candidate.resolve(dataset));
                }
            }
        }
        return Optional.empty();
    }

    private static Path dataset(String name) {
        Optional<Path> dir = sharedData(name);
        assumeTrue(
                dir.isPresent(),
                "shared/data/" + name + " not found above " + Path.of("").toAbsolutePath());
        return dir.get();
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
