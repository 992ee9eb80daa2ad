package dev.wren.data.movielens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.model.Item;
import dev.wren.core.model.Link;
import dev.wren.core.model.Rating;
import dev.wren.core.model.Tag;
import dev.wren.core.model.User;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensReaderTest {
    @TempDir
    Path tmp;

    private static List<Rating> ratings(MovieLensReader reader) {
        List<Rating> out = new ArrayList<>();
        long n = reader.forEachRating(RatingVisitor.of(out::add));
        assertThat(n).isEqualTo(out.size());
        return out;
    }

    private static List<Tag> tags(MovieLensReader reader) {
        List<Tag> out = new ArrayList<>();
        assertThat(reader.forEachTag(out::add)).isEqualTo(out.size());
        return out;
    }

    @Test
    void readsCsvLayoutWithQuotedTitlesAndMissingGenres() {
        MovieLensReader reader = MovieLensReader.open(Fixtures.csv(tmp), ReadOptions.strictMode());

        assertThat(reader.layout()).isEqualTo(MovieLensLayout.CSV);
        assertThat(reader.items()).containsOnlyKeys(1, 11, 40697, 27008);
        assertThat(reader.items().get(1))
                .isEqualTo(new Item(
                        1,
                        "Toy Story",
                        OptionalInt.of(1995),
                        List.of("Adventure", "Animation", "Children", "Comedy", "Fantasy")));
        assertThat(reader.items().get(11))
                .isEqualTo(new Item(
                        11, "American President, The", OptionalInt.of(1995), List.of("Comedy", "Drama", "Romance")));
        assertThat(reader.items().get(40697))
                .isEqualTo(new Item(40697, "Babylon 5", OptionalInt.empty(), List.of("Sci-Fi")));
        assertThat(reader.items().get(27008))
                .isEqualTo(
                        new Item(27008, "From Dusk Till Dawn 2: Texas Blood Money", OptionalInt.of(1999), List.of()));
    }

    @Test
    void streamsCsvRatingsIncludingAQuotedField() {
        MovieLensReader reader = MovieLensReader.open(Fixtures.csv(tmp), ReadOptions.strictMode());

        List<Rating> ratings = ratings(reader);

        assertThat(ratings).hasSize(6);
        assertThat(ratings.get(0)).isEqualTo(new Rating(1, 1, 4.0f, 964982703L));
        assertThat(ratings.get(3)).isEqualTo(new Rating(2, 40697, 0.5f, 1445714994L));
        assertThat(ratings.get(5)).isEqualTo(new Rating(3, 11, 4.5f, 1445715010L));
        assertThat(reader.report().totalBadRows()).isZero();
        assertThat(reader.report().file("ratings.csv").orElseThrow().rowsRead()).isEqualTo(6);
    }

    @Test
    void readsCsvLinksTagsAndUsersDerivedFromRatings() {
        MovieLensReader reader = MovieLensReader.open(Fixtures.csv(tmp), ReadOptions.strictMode());

        assertThat(reader.links())
                .containsExactly(
                        new Link(1, Optional.of("0114709"), Optional.of("862")),
                        new Link(40697, Optional.of("0105946"), Optional.empty()));
        assertThat(tags(reader))
                .containsExactly(new Tag(2, 1, "pixar", 1445714994L), new Tag(3, 11, "politics, romance", 1445715020L));
        assertThat(reader.users()).containsExactly(User.anonymous(1), User.anonymous(2), User.anonymous(3));
    }

    @Test
    void loadsACatalogueWithoutRatingsAsZeroRatings() {
        Fixtures.write(tmp, "movies.csv", "movieId,title,genres\n1,Toy Story (1995),Animation\n");
        Fixtures.write(tmp, "links.csv", "movieId,imdbId,tmdbId\n1,0114709,862\n");

        MovieLensReader reader = MovieLensReader.open(tmp, ReadOptions.strictMode());

        assertThat(reader.items()).hasSize(1);
        assertThat(reader.links()).hasSize(1);
        assertThat(reader.forEachRating((u, i, r, t) -> {})).isZero();
        assertThat(reader.forEachTag(t -> {})).isZero();
        assertThat(reader.users()).isEmpty();
    }

    @Test
    void readsMl1mDatInLatin1WithDemographics() {
        MovieLensReader reader = MovieLensReader.open(Fixtures.ml1m(tmp), ReadOptions.strictMode());

        assertThat(reader.layout()).isEqualTo(MovieLensLayout.DAT_1M);
        assertThat(reader.items().get(73))
                .isEqualTo(new Item(73, "Misérables, Les", OptionalInt.of(1995), List.of("Drama", "War")));
        assertThat(reader.items().get(1).genres()).containsExactly("Animation", "Children's", "Comedy");
        assertThat(ratings(reader))
                .containsExactly(
                        new Rating(1, 1, 5f, 978300760L),
                        new Rating(1, 73, 3f, 978302109L),
                        new Rating(2, 3, 4f, 978301968L),
                        new Rating(2, 1, 1f, 978300275L));
        assertThat(reader.users())
                .containsExactly(
                        new User(1, OptionalInt.of(1), Optional.of("F"), Optional.of("10"), Optional.of("48067")),
                        new User(2, OptionalInt.of(56), Optional.of("M"), Optional.of("16"), Optional.of("70072")));
        assertThat(reader.links()).isEmpty();
        assertThat(reader.forEachTag(t -> {})).isZero();
    }

    @Test
    void readsMl10mDatWithHalfStarsAndTags() {
        MovieLensReader reader = MovieLensReader.open(Fixtures.ml10m(tmp), ReadOptions.strictMode());

        assertThat(reader.layout()).isEqualTo(MovieLensLayout.DAT_10M);
        assertThat(reader.items().get(73).title()).isEqualTo("Misérables, Les");
        assertThat(ratings(reader))
                .containsExactly(
                        new Rating(1, 1, 5f, 838985046L),
                        new Rating(1, 73, 3.5f, 838983525L),
                        new Rating(2, 1, 0.5f, 838983392L));
        assertThat(tags(reader))
                .containsExactly(new Tag(15, 73, "Hugo", 1138537770L), new Tag(20, 1, "a::b tag", 1188263867L));
        assertThat(reader.users()).extracting(User::id).containsExactly(1, 2);
    }

    @Test
    void readsMl100kWithGenreNamesFromUGenre() {
        MovieLensReader reader = MovieLensReader.open(Fixtures.ml100k(tmp, true), ReadOptions.strictMode());

        assertThat(reader.layout()).isEqualTo(MovieLensLayout.ML_100K);
        assertThat(reader.items().get(1))
                .isEqualTo(new Item(1, "Toy Story", OptionalInt.of(1995), List.of("Animation", "Kids", "Comedy")));
        assertThat(reader.items().get(267))
                .isEqualTo(new Item(267, "unknown", OptionalInt.empty(), List.of("unknown")));
        assertThat(reader.items().get(1128))
                .isEqualTo(
                        new Item(1128, "Heidi Fleiss: Hollywood Madam", OptionalInt.of(1995), List.of("Documentary")));
        assertThat(ratings(reader))
                .containsExactly(
                        new Rating(196, 1, 3f, 881250949L),
                        new Rating(186, 267, 5f, 891717742L),
                        new Rating(196, 1128, 1f, 878887116L),
                        new Rating(22, 1, 2f, 880606923L));
        assertThat(reader.users().get(1))
                .isEqualTo(new User(
                        186, OptionalInt.of(39), Optional.of("F"), Optional.of("executive"), Optional.of("00000")));
    }

    @Test
    void fallsBackToTheStandardGenresWithoutUGenre() {
        MovieLensReader reader = MovieLensReader.open(Fixtures.ml100k(tmp, false), ReadOptions.strictMode());

        assertThat(reader.items().get(1).genres()).containsExactly("Animation", "Children's", "Comedy");
    }

    @Test
    void readsWindowsLineEndsAndAByteOrderMark() {
        Fixtures.write(tmp, "movies.csv", "\uFEFFmovieId,title,genres\r\n1,Toy Story (1995),Animation\r\n");
        Fixtures.write(tmp, "ratings.csv", "userId,movieId,rating,timestamp\r\n1,1,4.0,964982703\r\n");

        MovieLensReader reader = MovieLensReader.open(tmp, ReadOptions.strictMode());

        assertThat(reader.items().get(1).genres()).containsExactly("Animation");
        assertThat(ratings(reader)).containsExactly(new Rating(1, 1, 4f, 964982703L));
    }

    @Test
    void reportsProgressEndingAtEachFilesSize() throws Exception {
        Path dir = Fixtures.csv(tmp);
        List<String> events = new ArrayList<>();
        ReadOptions options = ReadOptions.strictMode()
                .withProgress((file, read, total) -> events.add(file + " " + read + "/" + total));

        MovieLensReader reader = MovieLensReader.open(dir, options);
        reader.forEachRating((u, i, r, t) -> {});

        long movies = java.nio.file.Files.size(dir.resolve("movies.csv"));
        long ratings = java.nio.file.Files.size(dir.resolve("ratings.csv"));
        assertThat(events)
                .containsExactly("movies.csv " + movies + "/" + movies, "ratings.csv " + ratings + "/" + ratings);
    }
}
