package dev.wren.data.movielens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes tiny MovieLens folders for tests. */
public final class Fixtures {
    private Fixtures() {}

    public static Path write(Path dir, String file, String text) {
        return write(dir, file, text, StandardCharsets.UTF_8);
    }

    public static Path write(Path dir, String file, String text, Charset charset) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(file), text, charset);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A csv folder: 4 movies (one quoted title with a comma, one without genres), 6 ratings, 2 links, 2 tags. */
    public static Path csv(Path dir) {
        write(
                dir,
                "movies.csv",
                """
                movieId,title,genres
                1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy
                11,"American President, The (1995)",Comedy|Drama|Romance
                40697,Babylon 5,Sci-Fi
                27008,From Dusk Till Dawn 2: Texas Blood Money (1999) ,(no genres listed)
                """);
        write(
                dir,
                "ratings.csv",
                """
                userId,movieId,rating,timestamp
                1,1,4.0,964982703
                1,11,3.5,964981247
                2,1,5.0,1445714835
                2,40697,0.5,1445714994
                3,1,4.0,1445715000
                "3",11,4.5,1445715010
                """);
        write(
                dir,
                "links.csv",
                """
                movieId,imdbId,tmdbId
                1,0114709,862
                40697,0105946,
                """);
        write(
                dir,
                "tags.csv",
                """
                userId,movieId,tag,timestamp
                2,1,pixar,1445714994
                3,11,"politics, romance",1445715020
                """);
        return dir;
    }

    /** An ml-1m folder in Latin-1: 3 movies, 4 ratings, 2 users. */
    public static Path ml1m(Path dir) {
        Charset latin1 = StandardCharsets.ISO_8859_1;
        write(
                dir,
                "movies.dat",
                """
                1::Toy Story (1995)::Animation|Children's|Comedy
                73::Misérables, Les (1995)::Drama|War
                3::Grumpier Old Men (1995)::Comedy|Romance
                """,
                latin1);
        write(
                dir,
                "ratings.dat",
                """
                1::1::5::978300760
                1::73::3::978302109
                2::3::4::978301968
                2::1::1::978300275
                """,
                latin1);
        write(
                dir,
                "users.dat",
                """
                1::F::1::10::48067
                2::M::56::16::70072
                """,
                latin1);
        return dir;
    }

    /** An ml-10m folder in Latin-1: 2 movies, 3 half-star ratings, 2 tags. */
    public static Path ml10m(Path dir) {
        Charset latin1 = StandardCharsets.ISO_8859_1;
        write(
                dir,
                "movies.dat",
                """
                1::Toy Story (1995)::Adventure|Animation|Children|Comedy|Fantasy
                73::Misérables, Les (1995)::Drama|War
                """,
                latin1);
        write(
                dir,
                "ratings.dat",
                """
                1::1::5::838985046
                1::73::3.5::838983525
                2::1::0.5::838983392
                """,
                latin1);
        write(
                dir,
                "tags.dat",
                """
                15::73::Hugo::1138537770
                20::1::a::b tag::1188263867
                """,
                latin1);
        return dir;
    }

    /** An ml-100k folder: 3 movies (one titled "unknown"), 4 ratings, 2 users, with u.genre. */
    public static Path ml100k(Path dir, boolean withGenreFile) {
        Charset latin1 = StandardCharsets.ISO_8859_1;
        String flagsToy = "0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0";
        String flagsNone = "1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0";
        String flagsDoc = "0|0|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0|0";
        write(
                dir,
                "u.item",
                "1|Toy Story (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Toy%20Story%20(1995)|" + flagsToy
                        + "\n"
                        + "267|unknown||||" + flagsNone + "\n"
                        + "1128|Heidi Fleiss: Hollywood Madam (1995) |09-Feb-1996||http://x|" + flagsDoc + "\n",
                latin1);
        write(
                dir,
                "u.data",
                "196\t1\t3\t881250949\n186\t267\t5\t891717742\n196\t1128\t1\t878887116\n22\t1\t2\t880606923\n");
        write(dir, "u.user", "196|49|M|writer|55105\n186|39|F|executive|00000\n22|25|M|writer|40206\n");
        if (withGenreFile) {
            // The file's names win over the built-in list: "Kids" proves it was read.
            write(
                    dir,
                    "u.genre",
                    """
                    unknown|0
                    Action|1
                    Adventure|2
                    Animation|3
                    Kids|4
                    Comedy|5
                    Crime|6
                    Documentary|7
                    Drama|8
                    Fantasy|9
                    Film-Noir|10
                    Horror|11
                    Musical|12
                    Mystery|13
                    Romance|14
                    Sci-Fi|15
                    Thriller|16
                    War|17
                    Western|18

                    """);
        }
        return dir;
    }
}
