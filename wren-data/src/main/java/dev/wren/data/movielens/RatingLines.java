package dev.wren.data.movielens;

import java.io.Serializable;
import java.util.BitSet;
import java.util.Objects;

/**
 * The one definition of a valid rating line of a layout: four fields, non-negative integer ids, a rating on the
 * layout's scale, a non-negative timestamp, and a movie that is in the catalogue. {@link MovieLensReader} streams
 * ratings through it, and the Spark pipeline parses its partitions with it, so both accept and refuse the same rows
 * with the same reasons. Serializable (for Spark's tasks); each thread takes its own {@link #parser()}.
 */
public final class RatingLines implements Serializable {
    private static final long serialVersionUID = 1L;

    private final MovieLensLayout layout;
    private final BitSet movies;

    private RatingLines(MovieLensLayout layout, BitSet movies) {
        this.layout = layout;
        this.movies = movies;
    }

    /**
     * @param layout the dataset's layout, which fixes the separator, the column names and the rating scale
     * @param movies the ids of the catalogue's movies: a rating of any other movie is a bad row
     */
    public static RatingLines of(MovieLensLayout layout, BitSet movies) {
        return new RatingLines(Objects.requireNonNull(layout, "layout"), (BitSet) movies.clone());
    }

    public MovieLensLayout layout() {
        return layout;
    }

    /** The file these lines come from, for messages. */
    public String file() {
        return layout.ratingsFile();
    }

    /**
     * Whether the file's first line is a header to skip: only the CSV layout has one, and a header does not start with a
     * digit (a negative id is a bad row, not a header).
     */
    public boolean isHeader(byte[] line, int from, int len) {
        return layout == MovieLensLayout.CSV && len > 0 && RowLoop.isHeader(line, from);
    }

    /** A parser for one thread. */
    public Parser parser() {
        return new Parser();
    }

    /** Parses lines one at a time into reused fields, creating no object per good line. Not thread-safe. */
    public final class Parser {
        private final Fields fields;
        private final String[] names;
        private final String columns;
        private final RatingScale scale = layout.scale();
        private int user;
        private int movie;
        private float rating;
        private long timestamp;
        private String problem;

        private Parser() {
            switch (layout) {
                case CSV -> {
                    fields = Fields.csv();
                    names = new String[] {"userId", "movieId", "rating", "timestamp"};
                    columns = "userId,movieId,rating,timestamp";
                }
                case DAT_1M, DAT_10M -> {
                    fields = Fields.doubleColon(layout.charset());
                    names = new String[] {"UserID", "MovieID", "Rating", "Timestamp"};
                    columns = "UserID::MovieID::Rating::Timestamp";
                }
                default -> {
                    fields = Fields.separatedBy('\t', layout.charset());
                    names = new String[] {"user id", "item id", "rating", "timestamp"};
                    columns = "user id, item id, rating, timestamp";
                }
            }
        }

        /**
         * Parses one line (without its line end).
         *
         * @return whether it is a valid rating; if so its values are in {@link #user()} and the others, and if not
         *     {@link #problem()} says why
         */
        public boolean parse(byte[] line, int from, int len) {
            problem = null;
            try {
                read(line, from, len);
                return true;
            } catch (Fields.BadFieldException e) {
                problem = e.getMessage();
                return false;
            }
        }

        /** Parses, or throws the reason as a {@link Fields.BadFieldException} (the streaming reader's way). */
        void read(byte[] line, int from, int len) {
            int n = fields.split(line, from, len);
            if (fields.malformed() != null) {
                throw RowLoop.bad(fields.malformed());
            }
            RowLoop.expectFields(n, 4, columns);
            int u = fields.parseId(0, names[0]);
            int m = fields.parseId(1, names[1]);
            float r = fields.parseFloat(2, names[2]);
            long ts = fields.parseTimestamp(3, names[3]);
            if (!scale.accepts(r)) {
                throw RowLoop.bad(scale.problem(r, fields.string(2)).orElseThrow());
            }
            if (!movies.get(m)) {
                throw RowLoop.bad("movie " + m + " is not in " + layout.moviesFile());
            }
            user = u;
            movie = m;
            rating = r;
            timestamp = ts;
        }

        public int user() {
            return user;
        }

        public int movie() {
            return movie;
        }

        public float rating() {
            return rating;
        }

        /** Seconds since the epoch. */
        public long timestamp() {
            return timestamp;
        }

        /** Why the last line parsed was refused; null after a valid one. */
        public String problem() {
            return problem;
        }
    }
}
