package dev.wren.data.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.data.movielens.Fixtures;
import dev.wren.data.movielens.MovieLensReader;
import dev.wren.data.movielens.ReadOptions;
import dev.wren.data.movielens.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetStatsTest {
    @TempDir
    Path tmp;

    @Test
    void summarisesTheCsvFixtureAsComputedByHand() {
        // 6 ratings by 3 users over 3 of the 4 movies; 2 in July 2000, 4 in October 2015.
        DatasetStats stats = DatasetStats.of(MovieLensReader.open(Fixtures.csv(tmp), ReadOptions.strictMode()));

        assertThat(stats.layout()).isEqualTo("CSV");
        assertThat(stats.users()).isEqualTo(3);
        assertThat(stats.items()).isEqualTo(4);
        assertThat(stats.ratedItems()).isEqualTo(3);
        assertThat(stats.ratings()).isEqualTo(6);
        assertThat(stats.sparsity()).isEqualTo(0.5);
        assertThat(stats.ratingHistogram())
                .containsExactly(entry(0.5f, 1L), entry(3.5f, 1L), entry(4.0f, 2L), entry(4.5f, 1L), entry(5.0f, 1L));
        assertThat(stats.ratingsPerYear()).containsExactly(entry(2000, 2L), entry(2015, 4L));
        assertThat(stats.mostRated())
                .containsExactly(
                        new TopItem(1, "Toy Story", 3),
                        new TopItem(11, "American President, The", 2),
                        new TopItem(40697, "Babylon 5", 1));
        assertThat(stats.tags()).isEqualTo(2);
        assertThat(stats.badRows()).isZero();
    }

    @Test
    void countsUsersOfTheDemographicsFileEvenWithoutRatings() {
        Fixtures.ml1m(tmp);
        Fixtures.write(tmp, "users.dat", "1::F::1::10::48067\n2::M::56::16::70072\n3::M::25::15::55117\n");

        DatasetStats stats = DatasetStats.of(MovieLensReader.open(tmp, ReadOptions.strictMode()));

        assertThat(stats.users()).isEqualTo(3);
        assertThat(stats.items()).isEqualTo(3);
        assertThat(stats.ratings()).isEqualTo(4);
        assertThat(stats.sparsity()).isEqualTo(1.0 - 4.0 / 9.0);
        assertThat(stats.ratingHistogram()).containsExactly(entry(1f, 1L), entry(3f, 1L), entry(4f, 1L), entry(5f, 1L));
        assertThat(stats.mostRated().get(0)).isEqualTo(new TopItem(1, "Toy Story", 2));
    }

    @Test
    void anEmptyCatalogueIsFullySparse() {
        Fixtures.write(tmp, "movies.csv", "movieId,title,genres\n1,Toy Story (1995),Animation\n");

        DatasetStats stats = DatasetStats.of(MovieLensReader.open(tmp, ReadOptions.strictMode()));

        assertThat(stats.ratings()).isZero();
        assertThat(stats.users()).isZero();
        assertThat(stats.sparsity()).isEqualTo(1.0);
        assertThat(stats.mostRated()).isEmpty();
    }

    @Test
    void writesJsonThatReadsBack() throws Exception {
        DatasetStats stats = DatasetStats.of(MovieLensReader.open(Fixtures.csv(tmp), ReadOptions.strictMode()));

        JsonNode json = new ObjectMapper().readTree(stats.toJson());

        assertThat(json.get("ratings").asLong()).isEqualTo(6);
        assertThat(json.get("sparsity").asDouble()).isEqualTo(0.5);
        assertThat(json.get("ratingHistogram").get("4.0").asLong()).isEqualTo(2);
        assertThat(json.get("ratingsPerYear").get("2015").asLong()).isEqualTo(4);
        assertThat(json.get("mostRated").get(0).get("title").asText()).isEqualTo("Toy Story");
    }

    @Test
    void summarisesMlLatestSmall() {
        Path dir = SharedData.dataset("ml-latest-small");

        DatasetStats stats = DatasetStats.of(MovieLensReader.open(dir, ReadOptions.strictMode()));

        assertThat(stats.users()).isEqualTo(610);
        assertThat(stats.items()).isEqualTo(9_742);
        assertThat(stats.ratings()).isEqualTo(100_836);
        assertThat(stats.tags()).isEqualTo(3_683);
        assertThat(stats.ratingHistogram().get(4.0f)).isEqualTo(26_818L);
        assertThat(stats.ratingHistogram().get(0.5f)).isEqualTo(1_370L);
        assertThat(stats.ratingsPerYear().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(100_836);
        assertThat(stats.mostRated()).hasSize(10);
        assertThat(stats.mostRated().get(0).title()).isEqualTo("Forrest Gump");
    }

    @Test
    void putsRatingsInTheirUtcYearAtYearBoundaries() {
        DatasetStatsBuilder builder = new DatasetStatsBuilder();
        builder.visit(1, 1, 4f, 946_684_799L); // 1999-12-31T23:59:59Z
        builder.visit(1, 1, 4f, 946_684_800L); // 2000-01-01T00:00:00Z
        builder.visit(1, 1, 4f, -1L); // 1969-12-31T23:59:59Z
        builder.visit(1, 1, 4f, 0L);
        builder.visit(1, 1, 4f, -3_000_000_000L); // 1874, before the table

        DatasetStats stats = builder.build("CSV", java.util.Map.of(), java.util.List.of(), 0, 0);

        assertThat(stats.ratingsPerYear())
                .containsExactly(entry(1874, 1L), entry(1969, 1L), entry(1970, 1L), entry(1999, 1L), entry(2000, 1L));
        assertThat(stats.mostRated()).containsExactly(new TopItem(1, "", 5));
    }
}
