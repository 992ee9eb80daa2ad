package dev.wren.data.movielens;

import dev.wren.core.model.Item;
import dev.wren.core.model.Link;
import dev.wren.core.model.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the small files of each layout (movies, users, links) into collections. Public only for
 * {@link #ML_100K_GENRES}, the one definition of ml-100k's genre columns, which the Spark reader shares; reading stays
 * package-private.
 */
public final class Catalogue {
    /**
     * The ml-100k genres, in u.item's flag order (u.genre's content), for a folder without u.genre. 'unknown' means "no
     * genre".
     */
    public static final List<String> ML_100K_GENRES = List.of(
            "unknown",
            "Action",
            "Adventure",
            "Animation",
            "Children's",
            "Comedy",
            "Crime",
            "Documentary",
            "Drama",
            "Fantasy",
            "Film-Noir",
            "Horror",
            "Musical",
            "Mystery",
            "Romance",
            "Sci-Fi",
            "Thriller",
            "War",
            "Western");

    static final String NO_GENRES = "(no genres listed)";

    private final Path dir;
    private final MovieLensLayout layout;
    private final ReadOptions options;
    private final Reports reports;

    Catalogue(Path dir, MovieLensLayout layout, ReadOptions options, Reports reports) {
        this.dir = dir;
        this.layout = layout;
        this.options = options;
        this.reports = reports;
    }

    Map<Integer, Item> items() {
        Map<Integer, Item> items = new LinkedHashMap<>();
        String file = layout.moviesFile();
        BadRows rows = reports.start(file, options.strict());
        switch (layout) {
            case CSV ->
                RowLoop.run(dir.resolve(file), Fields.csv(), true, rows, options.progress(), (f, n) -> {
                    RowLoop.expectFields(n, 3, "movieId,title,genres");
                    put(items, item(f.parseId(0, "movieId"), f.string(1), genres(f.string(2))));
                });
            case DAT_1M, DAT_10M ->
                RowLoop.run(
                        dir.resolve(file),
                        Fields.doubleColon(layout.charset()),
                        false,
                        rows,
                        options.progress(),
                        (f, n) -> {
                            RowLoop.expectFields(n, 3, "MovieID::Title::Genres");
                            put(items, item(f.parseId(0, "MovieID"), f.string(1), genres(f.string(2))));
                        });
            case ML_100K -> {
                List<String> names = hundredKGenres();
                int expected = 5 + names.size();
                RowLoop.run(
                        dir.resolve(file),
                        Fields.separatedBy('|', layout.charset()),
                        false,
                        rows,
                        options.progress(),
                        (f, n) -> {
                            RowLoop.expectFields(
                                    n,
                                    expected,
                                    "id|title|release date|video release date|IMDb URL|" + names.size()
                                            + " genre flags");
                            List<String> genres = new ArrayList<>();
                            for (int g = 0; g < names.size(); g++) {
                                String flag = f.string(5 + g);
                                if (flag.equals("1")) {
                                    genres.add(names.get(g));
                                } else if (!flag.equals("0")) {
                                    throw RowLoop.bad("genre flag " + names.get(g) + " '" + flag + "' is not 0 or 1");
                                }
                            }
                            put(items, item(f.parseId(0, "movie id"), f.string(1), genres));
                        });
            }
        }
        reports.finish(rows);
        return items;
    }

    private static void put(Map<Integer, Item> items, Item item) {
        if (items.putIfAbsent(item.id(), item) != null) {
            throw RowLoop.bad("movie " + item.id() + " appears twice");
        }
    }

    private static Item item(int id, String rawTitle, List<String> genres) {
        Titles.Parsed t = Titles.parse(rawTitle);
        return new Item(id, t.title(), t.year(), genres);
    }

    private static List<String> genres(String text) {
        String s = text.strip();
        if (s.isEmpty() || s.equals(NO_GENRES)) {
            return List.of();
        }
        return Arrays.stream(s.split("\\|"))
                .map(String::strip)
                .filter(g -> !g.isEmpty())
                .toList();
    }

    private List<String> hundredKGenres() {
        Path file = dir.resolve("u.genre");
        if (!Files.isRegularFile(file)) {
            return ML_100K_GENRES;
        }
        try {
            List<String> names = Files.readAllLines(file, layout.charset()).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .map(l -> l.lastIndexOf('|') < 0 ? l : l.substring(0, l.lastIndexOf('|')))
                    .toList();
            return names.isEmpty() ? ML_100K_GENRES : names;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The users of the demographics file; empty when the layout has none. */
    List<User> usersFromFile() {
        Optional<String> name = layout.usersFile();
        if (name.isEmpty() || !Files.isRegularFile(dir.resolve(name.get()))) {
            return List.of();
        }
        List<User> users = new ArrayList<>();
        BadRows rows = reports.start(name.get(), options.strict());
        Charset cs = layout.charset();
        if (layout == MovieLensLayout.DAT_1M) {
            RowLoop.run(dir.resolve(name.get()), Fields.doubleColon(cs), false, rows, options.progress(), (f, n) -> {
                RowLoop.expectFields(n, 5, "UserID::Gender::Age::Occupation::Zip-code");
                users.add(new User(
                        f.parseId(0, "UserID"),
                        OptionalInt.of(f.parseInt(2, "Age")),
                        text(f, 1),
                        text(f, 3),
                        text(f, 4)));
            });
        } else {
            RowLoop.run(
                    dir.resolve(name.get()), Fields.separatedBy('|', cs), false, rows, options.progress(), (f, n) -> {
                        RowLoop.expectFields(n, 5, "id|age|gender|occupation|zip");
                        users.add(new User(
                                f.parseId(0, "user id"),
                                OptionalInt.of(f.parseInt(1, "age")),
                                text(f, 2),
                                text(f, 3),
                                text(f, 4)));
                    });
        }
        reports.finish(rows);
        return users;
    }

    /** The links of links.csv; empty for layouts or folders without one. */
    List<Link> links() {
        Path file = dir.resolve("links.csv");
        if (layout != MovieLensLayout.CSV || !Files.isRegularFile(file)) {
            return List.of();
        }
        List<Link> links = new ArrayList<>();
        BadRows rows = reports.start("links.csv", options.strict());
        RowLoop.run(file, Fields.csv(), true, rows, options.progress(), (f, n) -> {
            RowLoop.expectFields(n, 3, "movieId,imdbId,tmdbId");
            links.add(new Link(f.parseId(0, "movieId"), text(f, 1), text(f, 2)));
        });
        reports.finish(rows);
        return links;
    }

    private static Optional<String> text(Fields f, int field) {
        String s = f.string(field).strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
