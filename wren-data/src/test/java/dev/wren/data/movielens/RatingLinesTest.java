package dev.wren.data.movielens;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class RatingLinesTest {
    private static final BitSet MOVIES = BitSet.valueOf(new long[] {0b110}); // movies 1 and 2

    private static RatingLines.Parser parser(MovieLensLayout layout) {
        return RatingLines.of(layout, MOVIES).parser();
    }

    private static boolean parse(RatingLines.Parser p, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return p.parse(bytes, 0, bytes.length);
    }

    @Test
    void readsAValidLineOfEachLayout() {
        RatingLines.Parser csv = parser(MovieLensLayout.CSV);
        assertThat(parse(csv, "7,2,3.5,964982703")).isTrue();
        assertThat(csv.user()).isEqualTo(7);
        assertThat(csv.movie()).isEqualTo(2);
        assertThat(csv.rating()).isEqualTo(3.5f);
        assertThat(csv.timestamp()).isEqualTo(964982703L);
        assertThat(csv.problem()).isNull();

        RatingLines.Parser hundredK = parser(MovieLensLayout.ML_100K);
        assertThat(parse(hundredK, "196\t1\t3\t881250949")).isTrue();
        assertThat(hundredK.user()).isEqualTo(196);

        RatingLines.Parser dat = parser(MovieLensLayout.DAT_1M);
        assertThat(parse(dat, "1::2::5::978300760")).isTrue();
        assertThat(dat.rating()).isEqualTo(5f);
    }

    @Test
    void saysWhyALineIsRefused() {
        RatingLines.Parser p = parser(MovieLensLayout.CSV);

        assertThat(parse(p, "1,one,4.0,964982703")).isFalse();
        assertThat(p.problem()).isEqualTo("movieId 'one' is not a number");
        assertThat(parse(p, "1,1,7,964982703")).isFalse();
        assertThat(p.problem()).isEqualTo("rating 7 is outside 0.5..5");
        assertThat(parse(p, "1,3,4.0,964982703")).isFalse();
        assertThat(p.problem()).isEqualTo("movie 3 is not in movies.csv");
        assertThat(parse(p, "1,1,4.0")).isFalse();
        assertThat(p.problem()).startsWith("expected 4 fields");
        assertThat(parse(p, "1,1,4.0,-1")).isFalse();
        assertThat(p.problem()).isEqualTo("timestamp '-1' is negative");
        assertThat(parse(parser(MovieLensLayout.ML_100K), "1\t1\t3.5\t881250949"))
                .isFalse();
    }

    @Test
    void onlyTheCsvLayoutHasAHeader() {
        byte[] header = "userId,movieId,rating,timestamp".getBytes(StandardCharsets.UTF_8);
        byte[] negative = "-1,1,4.0,964982703".getBytes(StandardCharsets.UTF_8);

        assertThat(RatingLines.of(MovieLensLayout.CSV, MOVIES).isHeader(header, 0, header.length))
                .isTrue();
        assertThat(RatingLines.of(MovieLensLayout.CSV, MOVIES).isHeader(negative, 0, negative.length))
                .isFalse();
        assertThat(RatingLines.of(MovieLensLayout.ML_100K, MOVIES).isHeader(header, 0, header.length))
                .isFalse();
    }
}
