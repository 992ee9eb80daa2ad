package dev.wren.data.movielens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.model.Item;
import dev.wren.core.model.Rating;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesAnMl100kFolderBackAsOneThatReadsTheSame() {
        MovieLensReader original = MovieLensReader.open(Fixtures.ml100k(dir.resolve("in"), true));
        List<Rating> ratings = new ArrayList<>();
        original.forEachRating(RatingVisitor.of(ratings::add));

        MovieLensWriter.write(
                dir.resolve("out"),
                original.items().values(),
                v -> ratings.forEach(r -> v.visit(r.userId(), r.itemId(), r.rating(), r.timestamp())));

        MovieLensReader copy = MovieLensReader.open(dir.resolve("out"));
        assertThat(copy.layout()).isNotEqualTo(original.layout());
        assertThat(copy.items()).isEqualTo(original.items());
        List<Rating> read = new ArrayList<>();
        copy.forEachRating(RatingVisitor.of(read::add));
        assertThat(read).containsExactlyElementsOf(ratings);
        assertThat(copy.report().totalBadRows()).isZero();
    }

    @Test
    void keepsTitlesWithoutYearsAndItemsWithoutGenres() {
        Map<Integer, Item> items = Map.of(
                7, new Item(7, "Brazil, the \"cut\"", java.util.OptionalInt.empty(), List.of()),
                9, new Item(9, "Heat", java.util.OptionalInt.of(1995), List.of("Action", "Crime")));
        MovieLensWriter.write(dir, List.of(items.get(7), items.get(9)), v -> v.visit(1, 9, 4.5f, 1_000_000L));

        MovieLensReader copy = MovieLensReader.open(dir);
        assertThat(copy.items()).isEqualTo(items);
        List<Rating> read = new ArrayList<>();
        copy.forEachRating(RatingVisitor.of(read::add));
        assertThat(read).containsExactly(new Rating(1, 9, 4.5f, 1_000_000L));
    }
}
