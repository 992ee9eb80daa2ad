package dev.wren.offline.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wren.data.movielens.MovieLensLayout;
import dev.wren.offline.Fixtures;
import dev.wren.offline.OfflineInputException;
import dev.wren.offline.TestSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensReaderTest {
    private final MovieLensReader reader = new MovieLensReader(TestSpark.session());

    @Test
    void readsCsvLayoutWithQuotedTitlesAndNoGenres(@TempDir Path dir) {
        Fixtures.write(
                dir,
                "movies.csv",
                StandardCharsets.UTF_8,
                "movieId,title,genres",
                "1,Toy Story (1995),Adventure|Animation",
                "11,\"American President, The (1995)\",Comedy|Drama|Romance",
                "12,\"Title with \"\"quotes\"\" (2001) \",(no genres listed)",
                "13,No year,Drama");
        Fixtures.write(
                dir,
                "ratings.csv",
                StandardCharsets.UTF_8,
                "userId,movieId,rating,timestamp",
                "1,1,4.0,964982703",
                "1,11,3.5,964981247");

        MovieLensData data = reader.read(dir);

        assertThat(data.layout()).isEqualTo(MovieLensLayout.CSV);
        List<Row> items = data.items().orderBy("itemId").collectAsList();
        assertThat(items).hasSize(4);
        assertThat(items.get(1).getString(1)).isEqualTo("American President, The");
        assertThat(items.get(1).<String>getList(2)).containsExactly("Comedy", "Drama", "Romance");
        assertThat(items.get(1).getInt(3)).isEqualTo(1995);
        assertThat(items.get(2).getString(1)).isEqualTo("Title with \"quotes\"");
        assertThat(items.get(2).<String>getList(2)).isEmpty();
        assertThat(items.get(2).getInt(3)).isEqualTo(2001);
        assertThat(items.get(3).isNullAt(3)).isTrue();
        Row first = data.ratings().orderBy("ts").first();
        assertThat(first.getInt(0)).isEqualTo(1);
        assertThat(first.getInt(1)).isEqualTo(11);
        assertThat(first.getDouble(2)).isEqualTo(3.5);
        assertThat(first.getLong(3)).isEqualTo(964981247L);
    }

    @Test
    void reads100kLayoutWithLatin1TitlesAndGenreFlags(@TempDir Path dir) {
        String flags = "|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0";
        Fixtures.write(
                dir,
                "u.item",
                StandardCharsets.ISO_8859_1,
                "1|Toy Story (1995)|01-Jan-1995||http://x" + flags,
                "2|Misérables, Les (1995)|||http://x|0|0|0|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0");
        Fixtures.write(dir, "u.data", StandardCharsets.UTF_8, "196\t1\t3\t881250949", "186\t2\t5\t891717742");

        MovieLensData data = reader.read(dir);

        assertThat(data.layout()).isEqualTo(MovieLensLayout.ML_100K);
        List<Row> items = data.items().orderBy("itemId").collectAsList();
        assertThat(items.get(0).<String>getList(2)).containsExactly("Animation", "Children's", "Comedy");
        assertThat(items.get(0).getInt(3)).isEqualTo(1995);
        assertThat(items.get(1).getString(1)).isEqualTo("Misérables, Les");
        assertThat(items.get(1).<String>getList(2)).containsExactly("Drama");
        assertThat(items.get(1).getInt(3)).isEqualTo(1995);
        assertThat(data.ratings().count()).isEqualTo(2);
    }

    @Test
    void readsDoubleColonDatLayout(@TempDir Path dir) {
        Fixtures.write(
                dir,
                "movies.dat",
                StandardCharsets.ISO_8859_1,
                "1::Toy Story (1995)::Animation|Children's|Comedy",
                "2::Cité des enfants perdus, La (1995)::Adventure|Sci-Fi");
        Fixtures.write(dir, "ratings.dat", StandardCharsets.UTF_8, "1::1::5::978300760", "1::2::3::978302109");

        MovieLensData data = reader.read(dir);

        assertThat(data.layout()).isEqualTo(MovieLensLayout.DAT_10M);
        List<Row> items = data.items().orderBy("itemId").collectAsList();
        assertThat(items.get(1).getString(1)).isEqualTo("Cité des enfants perdus, La");
        assertThat(items.get(1).<String>getList(2)).containsExactly("Adventure", "Sci-Fi");
        assertThat(data.ratings()
                        .agg(org.apache.spark.sql.functions.sum("rating"))
                        .first()
                        .getDouble(0))
                .isEqualTo(8.0);
    }

    @Test
    void skipsAndReportsBadRowsWithFileAndLineByWrenDatasRules(@TempDir Path dir) {
        Fixtures.write(
                dir,
                "movies.csv",
                StandardCharsets.UTF_8,
                "movieId,title,genres",
                "1,A (1995),Drama",
                "2,\"Unclosed (1996),Comedy",
                "3,C (1997),Drama");
        Fixtures.write(
                dir,
                "ratings.csv",
                StandardCharsets.UTF_8,
                "userId,movieId,rating,timestamp",
                "1,1,4.0,964982703",
                "1,3,4.5,notatime",
                "1,3,9.0,964982703",
                "1,99,4.0,964982703",
                "-1,3,4.0,964982703",
                "2,3,3.0,964982704");

        MovieLensData data = reader.read(dir);

        assertThat(data.items().count()).isEqualTo(2);
        assertThat(data.ratings().count()).isEqualTo(2);
        assertThat(data.badRows()).hasSize(2);
        assertThat(data.badRows().get(0).firstMessages())
                .containsExactly("movies.csv line 3: malformed CSV quoting (a quote is not closed on its line)");
        assertThat(data.badRows().get(1).badRows()).isEqualTo(4);
        assertThat(data.badRows().get(1).firstMessages())
                .containsExactly(
                        "ratings.csv line 3: timestamp 'notatime' is not a number",
                        "ratings.csv line 4: rating 9.0 is outside 0.5..5",
                        "ratings.csv line 5: movie 99 is not in movies.csv",
                        "ratings.csv line 6: userId '-1' is negative");
    }

    @Test
    void strictModeStopsAtTheFirstBadRowWithItsFileAndLine(@TempDir Path dir) {
        Fixtures.write(dir, "movies.csv", StandardCharsets.UTF_8, "movieId,title,genres", "1,A (1995),Drama");
        Fixtures.write(
                dir,
                "ratings.csv",
                StandardCharsets.UTF_8,
                "userId,movieId,rating,timestamp",
                "1,1,4.0,964982703",
                "1,one,4.0,964982703");

        assertThatThrownBy(() -> reader.read(dir, true))
                .isInstanceOf(OfflineInputException.class)
                .hasMessage("ratings.csv line 3: movieId 'one' is not a number");
    }

    @Test
    void saysWhatItLookedForInAnEmptyFolder(@TempDir Path dir) {
        assertThatThrownBy(() -> reader.read(dir))
                .isInstanceOf(OfflineInputException.class)
                .hasMessageContaining("movies.csv")
                .hasMessageContaining("u.data");
    }

    @Test
    void refusesAFileWithoutOneValidRating(@TempDir Path dir) {
        Fixtures.write(dir, "movies.csv", StandardCharsets.UTF_8, "movieId,title,genres", "1,A (1995),Drama");
        Fixtures.write(dir, "ratings.csv", StandardCharsets.UTF_8, "userId,movieId,rating,timestamp", "1,1,4.0,x");

        assertThatThrownBy(() -> reader.read(dir))
                .isInstanceOf(OfflineInputException.class)
                .hasMessageContaining("no valid rating")
                .hasMessageContaining("ratings.csv line 2: timestamp 'x' is not a number");
    }

    @Test
    void needsARatingsFile(@TempDir Path dir) {
        Fixtures.write(dir, "movies.csv", StandardCharsets.UTF_8, "movieId,title,genres", "1,A (1995),Drama");

        assertThatThrownBy(() -> reader.read(dir))
                .isInstanceOf(OfflineInputException.class)
                .hasMessageContaining("no ratings.csv");
    }
}
