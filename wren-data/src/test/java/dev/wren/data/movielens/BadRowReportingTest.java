package dev.wren.data.movielens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadRowReportingTest {
    @TempDir
    Path tmp;

    private Path csvWithBadRatings() {
        Fixtures.write(tmp, "movies.csv", "movieId,title,genres\n1,Toy Story (1995),Animation\n2,Jumanji (1995),\n");
        Fixtures.write(
                tmp,
                "ratings.csv",
                """
                userId,movieId,rating,timestamp
                1,1,4.0,964982703
                1,2,7.0,964982703
                1,2,3.7,964982703
                1,x,4.0,964982703
                1,1,4.0
                1,999,4.0,964982703

                2,2,2.5,964982704
                2,1,four,964982704
                """);
        return tmp;
    }

    @Test
    void skipsEachKindOfBadRowAndNamesFileAndLine() {
        MovieLensReader reader = MovieLensReader.open(csvWithBadRatings(), ReadOptions.lenient());

        List<Integer> items = new ArrayList<>();
        long delivered = reader.forEachRating((u, i, r, t) -> items.add(i));

        assertThat(delivered).isEqualTo(2);
        assertThat(items).containsExactly(1, 2);
        FileReport report = reader.report().file("ratings.csv").orElseThrow();
        assertThat(report.rowsRead()).isEqualTo(2);
        assertThat(report.badRows()).isEqualTo(6);
        assertThat(report.firstMessages())
                .containsExactly(
                        "ratings.csv line 3: rating 7.0 is outside 0.5..5",
                        "ratings.csv line 4: rating 3.7 is not a multiple of 0.5",
                        "ratings.csv line 5: movieId 'x' is not a number",
                        "ratings.csv line 6: expected 4 fields (userId,movieId,rating,timestamp), found 3",
                        "ratings.csv line 7: movie 999 is not in movies.csv",
                        "ratings.csv line 10: rating 'four' is not a number");
        assertThat(reader.report().totalBadRows()).isEqualTo(6);
    }

    @Test
    void strictModeStopsAtTheFirstBadRowWithTheSameMessage() {
        MovieLensReader reader = MovieLensReader.open(csvWithBadRatings(), ReadOptions.strictMode());

        assertThatThrownBy(() -> reader.forEachRating((u, i, r, t) -> {}))
                .isInstanceOfSatisfying(BadRecordException.class, e -> {
                    assertThat(e.file()).isEqualTo("ratings.csv");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.reason()).isEqualTo("rating 7.0 is outside 0.5..5");
                })
                .hasMessage("ratings.csv line 3: rating 7.0 is outside 0.5..5");
    }

    @Test
    void reportsBadMovieRowsAndKeepsTheRest() {
        Fixtures.write(
                tmp,
                "movies.csv",
                """
                movieId,title,genres
                1,Toy Story (1995),Animation
                one,Jumanji (1995),Adventure
                3,Heat (1995)
                1,Toy Story again (1995),Animation
                """);

        MovieLensReader reader = MovieLensReader.open(tmp, ReadOptions.lenient());

        assertThat(reader.items()).containsOnlyKeys(1);
        assertThat(reader.report().file("movies.csv").orElseThrow().firstMessages())
                .containsExactly(
                        "movies.csv line 3: movieId 'one' is not a number",
                        "movies.csv line 4: expected 3 fields (movieId,title,genres), found 2",
                        "movies.csv line 5: movie 1 appears twice");
        assertThatThrownBy(() -> MovieLensReader.open(tmp, ReadOptions.strictMode()))
                .isInstanceOf(BadRecordException.class)
                .hasMessage("movies.csv line 3: movieId 'one' is not a number");
    }

    @Test
    void wholeStarLayoutsReportHalfStarsAndUnknownMovies() {
        Fixtures.ml100k(tmp, true);
        Fixtures.write(tmp, "u.data", "196\t1\t3\t881250949\n196\t1\t3.5\t881250949\n196\t5000\t3\t881250949\n");

        MovieLensReader reader = MovieLensReader.open(tmp, ReadOptions.lenient());

        assertThat(reader.forEachRating((u, i, r, t) -> {})).isEqualTo(1);
        assertThat(reader.report().file("u.data").orElseThrow().firstMessages())
                .containsExactly(
                        "u.data line 2: rating 3.5 is not a whole number",
                        "u.data line 3: movie 5000 is not in u.item");
    }

    @Test
    void datLayoutReportsWrongColumnCount() {
        Fixtures.ml1m(tmp);
        Fixtures.write(tmp, "ratings.dat", "1::1::5::978300760\n1::1::5\n1::1::0::978300760\n");

        MovieLensReader reader = MovieLensReader.open(tmp, ReadOptions.lenient());

        assertThat(reader.forEachRating((u, i, r, t) -> {})).isEqualTo(1);
        assertThat(reader.report().file("ratings.dat").orElseThrow().firstMessages())
                .containsExactly(
                        "ratings.dat line 2: expected 4 fields (UserID::MovieID::Rating::Timestamp), found 3",
                        "ratings.dat line 3: rating 0 is outside 1..5");
    }

    @Test
    void keepsOnlyTheFirstTwentyMessagesButCountsAll() {
        StringBuilder ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (int i = 0; i < 50; i++) {
            ratings.append("1,1,9.0,964982703\n");
        }
        Fixtures.write(tmp, "movies.csv", "movieId,title,genres\n1,Toy Story (1995),Animation\n");
        Fixtures.write(tmp, "ratings.csv", ratings.toString());

        MovieLensReader reader = MovieLensReader.open(tmp, ReadOptions.lenient());
        reader.forEachRating((u, i, r, t) -> {});

        FileReport report = reader.report().file("ratings.csv").orElseThrow();
        assertThat(report.badRows()).isEqualTo(50);
        assertThat(report.firstMessages()).hasSize(FileReport.MAX_MESSAGES);
        assertThat(report.firstMessages().get(19)).isEqualTo("ratings.csv line 21: rating 9.0 is outside 0.5..5");
    }

    @Test
    void anUnbalancedQuoteIsABadRowNotACrash() {
        Fixtures.write(tmp, "movies.csv", "movieId,title,genres\n1,Toy Story (1995),Animation\n");
        Fixtures.write(tmp, "ratings.csv", "userId,movieId,rating,timestamp\n1,\"1,4.0,964982703\n1,1,4.0,964982703\n");

        MovieLensReader reader = MovieLensReader.open(tmp, ReadOptions.lenient());

        assertThat(reader.forEachRating((u, i, r, t) -> {})).isEqualTo(1);
        assertThat(reader.report().file("ratings.csv").orElseThrow().firstMessages())
                .singleElement()
                .asString()
                .startsWith("ratings.csv line 2: malformed CSV quoting");
    }

    @Test
    void malformedQuotingInMoviesCsvLosesOnlyThatLine() {
        Fixtures.write(
                tmp,
                "movies.csv",
                """
                movieId,title,genres
                1,Toy Story (1995),Animation
                2,"Jumanji (1995),Adventure
                3,Heat (1995),Action
                4,"Sabrina (1995)",Comedy
                """);
        Fixtures.write(tmp, "ratings.csv", "userId,movieId,rating,timestamp\n1,3,4.0,964982703\n1,4,3.0,964982704\n");

        MovieLensReader reader = MovieLensReader.open(tmp, ReadOptions.lenient());

        assertThat(reader.items()).containsOnlyKeys(1, 3, 4);
        assertThat(reader.forEachRating((u, i, r, t) -> {})).isEqualTo(2);
        assertThat(reader.report().file("movies.csv").orElseThrow().firstMessages())
                .singleElement()
                .asString()
                .isEqualTo("movies.csv line 3: malformed CSV quoting (a quote is not closed on its line)");
    }

    @Test
    void negativeIdsAndTimestampsAreBadRows() {
        Fixtures.write(tmp, "movies.csv", "movieId,title,genres\n1,Toy Story (1995),Animation\n-2,Bad (1995),Drama\n");
        Fixtures.write(
                tmp,
                "ratings.csv",
                "userId,movieId,rating,timestamp\n-1,1,4.0,964982703\n1,1,4.0,-5\n1,1,4.0,964982703\n");

        MovieLensReader reader = MovieLensReader.open(tmp, ReadOptions.lenient());

        assertThat(reader.items()).containsOnlyKeys(1);
        assertThat(reader.forEachRating((u, i, r, t) -> {})).isEqualTo(1);
        assertThat(reader.report().file("ratings.csv").orElseThrow().firstMessages())
                .containsExactly(
                        "ratings.csv line 2: userId '-1' is negative",
                        "ratings.csv line 3: timestamp '-5' is negative");
        assertThat(reader.report().file("movies.csv").orElseThrow().firstMessages())
                .containsExactly("movies.csv line 3: movieId '-2' is negative");
    }
}
