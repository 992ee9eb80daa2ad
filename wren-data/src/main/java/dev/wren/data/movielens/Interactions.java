package dev.wren.data.movielens;

import dev.wren.core.model.Tag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.function.Consumer;

/** Streams the large files of each layout (ratings, tags), one row at a time, checking each against the catalogue. */
final class Interactions {
    private final Path dir;
    private final MovieLensLayout layout;
    private final ReadOptions options;
    private final Reports reports;
    private final BitSet movies;

    Interactions(Path dir, MovieLensLayout layout, ReadOptions options, Reports reports, BitSet movies) {
        this.dir = dir;
        this.layout = layout;
        this.options = options;
        this.reports = reports;
        this.movies = movies;
    }

    long ratings(RatingVisitor visitor) {
        String file = layout.ratingsFile();
        Path path = dir.resolve(file);
        if (!Files.isRegularFile(path)) {
            return 0;
        }
        RatingLines.Parser parser = RatingLines.of(layout, movies).parser();
        BadRows rows = reports.start(file, options.strict());
        try {
            RowLoop.run(path, options.progress(), rows, layout == MovieLensLayout.CSV, (line, from, len) -> {
                parser.read(line, from, len);
                visitor.visit(parser.user(), parser.movie(), parser.rating(), parser.timestamp());
            });
        } finally {
            reports.finish(rows);
        }
        return rows.goodRows();
    }

    long tags(Consumer<? super Tag> consumer) {
        if (layout.tagsFile().isEmpty()) {
            return 0;
        }
        String file = layout.tagsFile().get();
        Path path = dir.resolve(file);
        if (!Files.isRegularFile(path)) {
            return 0;
        }
        boolean csv = layout == MovieLensLayout.CSV;
        Fields fields = csv ? Fields.csv() : Fields.doubleColon(layout.charset());
        String moviesFile = layout.moviesFile();
        BadRows rows = reports.start(file, options.strict());
        try {
            RowLoop.RowHandler handler = (f, n) -> {
                // A tag may itself hold the separator in a .dat file: the tag is everything between the ids and the
                // time.
                if (csv ? n != 4 : n < 4) {
                    throw RowLoop.bad("expected 4 fields (userId,movieId,tag,timestamp), found " + n);
                }
                int user = f.parseId(0, "user id");
                int movie = f.parseId(1, "movie id");
                long ts = f.parseTimestamp(n - 1, "timestamp");
                if (movie < 0 || !movies.get(movie)) {
                    throw RowLoop.bad("movie " + movie + " is not in " + moviesFile);
                }
                StringBuilder tag = new StringBuilder(f.string(2));
                for (int i = 3; i < n - 1; i++) {
                    tag.append("::").append(f.string(i));
                }
                consumer.accept(new Tag(user, movie, tag.toString(), ts));
            };
            RowLoop.run(path, fields, csv, rows, options.progress(), handler);
        } finally {
            reports.finish(rows);
        }
        return rows.goodRows();
    }
}
