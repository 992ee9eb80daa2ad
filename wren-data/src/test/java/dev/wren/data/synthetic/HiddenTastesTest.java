package dev.wren.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HiddenTastesTest {
    private static final SyntheticConfig TINY =
            SyntheticConfig.defaults().withSize(40, 60, 1_200).withTasteDimension(6);

    @Test
    void readsEveryUserMovieAndGenreWithTheConfiguredDimension(@TempDir Path dir) {
        GenerationResult result = new SyntheticDataGenerator().generate(TINY, dir);

        HiddenTastes hidden = HiddenTastes.read(result.directory());

        assertThat(hidden.dimension()).isEqualTo(6);
        assertThat(hidden.userTastes()).hasSize(40).allSatisfy((id, v) -> assertThat(v)
                .hasSize(6));
        assertThat(hidden.userDrifts()).hasSize(40);
        assertThat(hidden.movieTastes()).hasSize(60).containsKeys(1, 60);
        assertThat(hidden.genreDirections()).containsOnlyKeys(Genres.NAMES);
        assertThat(hidden.params().path("config").path("seed").asLong()).isEqualTo(TINY.seed());
        assertThat(hidden.expectedRating(1, 1)).isBetween(0.5, 5.0);
    }

    @Test
    void acceptsTheHiddenFolderItself(@TempDir Path dir) {
        GenerationResult result = new SyntheticDataGenerator().generate(TINY, dir);

        assertThat(HiddenTastes.read(result.hiddenDirectory()).movieTastes()).hasSize(60);
    }

    @Test
    void namesTheFileAndLineOfAMalformedRecord(@TempDir Path dir) throws IOException {
        GenerationResult result = new SyntheticDataGenerator().generate(TINY, dir);
        Path movies = result.hiddenDirectory().resolve("movie_tastes.csv");
        List<String> lines = Files.readAllLines(movies);
        lines.set(3, lines.get(3).replaceFirst(",[^,]+,", ",oops,"));
        Files.write(movies, lines);

        assertThatThrownBy(() -> HiddenTastes.read(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("movie_tastes.csv line 4, column 2: not a number: 'oops'");
    }

    @Test
    void saysWhenAFolderIsNotASyntheticDataSet(@TempDir Path dir) {
        assertThatThrownBy(() -> HiddenTastes.read(dir)).hasMessageContaining("is " + dir + " a synthetic data set?");
    }
}
