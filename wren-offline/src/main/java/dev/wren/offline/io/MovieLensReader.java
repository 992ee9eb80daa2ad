package dev.wren.offline.io;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.when;

import dev.wren.data.movielens.Catalogue;
import dev.wren.offline.OfflineInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Reads any MovieLens layout with Spark's own CSV reader (never through a driver-side list), into the columns of
 * {@link MovieLensData}. A malformed record fails the read with its file and content. The ratings are cached (memory,
 * spilling to disk) as they are parsed. Thread-safe.
 */
public final class MovieLensReader {
    private static final String CORRUPT = "_corrupt";
    private static final String LATIN_1 = "ISO-8859-1";
    private static final String TITLE_YEAR = "\\((\\d{4})\\)\\s*$";
    private static final List<String> RATING_FIELDS = List.of("userId", "itemId", "rating", "ts");

    private final SparkSession spark;

    public MovieLensReader(SparkSession spark) {
        this.spark = spark;
    }

    /** Reads the dataset in {@code dir}, whichever layout it has. */
    public MovieLensData read(Path dir) {
        MovieLensLayout layout = MovieLensLayout.detect(dir);
        Path ratingsFile = layout.ratings(dir);
        Path itemsFile = layout.items(dir);
        Format ratingsFormat;
        Format itemsFormat;
        switch (layout) {
            case CSV -> {
                // The schema names the columns as MovieLens' headers do (Spark warns on every read otherwise), then
                // they take the pipeline's names.
                ratingsFormat =
                        new Format(",", "UTF-8", true, "userId INT, movieId INT, rating DOUBLE, timestamp LONG");
                itemsFormat = new Format(",", "UTF-8", true, "movieId INT, title STRING, genres STRING");
            }
            case ML_100K -> {
                ratingsFormat = new Format("\t", "UTF-8", false, "userId INT, itemId INT, rating DOUBLE, ts LONG");
                StringBuilder schema = new StringBuilder(
                        "itemId INT, title STRING, releaseDate STRING, videoReleaseDate STRING, url STRING");
                for (int g = 0; g < Catalogue.ML_100K_GENRES.size(); g++) {
                    schema.append(", g").append(g).append(" INT");
                }
                itemsFormat = new Format("|", LATIN_1, false, schema.toString());
            }
            case DAT -> {
                ratingsFormat = new Format("::", LATIN_1, false, "userId INT, itemId INT, rating DOUBLE, ts LONG");
                itemsFormat = new Format("::", LATIN_1, false, "itemId INT, title STRING, genreText STRING");
            }
            default -> throw new IllegalStateException(layout.name());
        }
        // Parsed once: the check below and every later stage read the cache instead of the CSV (at 25M ratings each
        // parse of the text costs a minute or more).
        Dataset<Row> rawRatings =
                renamed(load(ratingsFormat, ratingsFile, false)).persist(StorageLevel.MEMORY_AND_DISK());
        check(rawRatings, () -> renamed(load(ratingsFormat, ratingsFile, true)), ratingsFile, RATING_FIELDS);
        Dataset<Row> rawItems = renamed(load(itemsFormat, itemsFile, false));
        check(rawItems, () -> renamed(load(itemsFormat, itemsFile, true)), itemsFile, List.of("itemId", "title"));
        Dataset<Row> ratings = rawRatings.select("userId", "itemId", "rating", "ts");
        Dataset<Row> items = layout == MovieLensLayout.ML_100K ? items100k(rawItems) : itemsWithGenreText(rawItems);
        return new MovieLensData(layout, ratings, items, List.of(ratingsFile, itemsFile));
    }

    /** How one file is laid out: separator, encoding, header line, and the columns as the file names them. */
    private record Format(String separator, String encoding, boolean header, String schema) {}

    /**
     * The file as typed columns. Without {@code diagnose}, a malformed field is just null (cheap: Spark's
     * corrupt-record column costs a boxed copy of every row, which at 25M ratings was minutes); with it, the
     * {@value #CORRUPT} column keeps the raw text of malformed records, for the error message.
     */
    private Dataset<Row> load(Format format, Path file, boolean diagnose) {
        DataFrameReader reader = spark.read()
                .option("sep", format.separator())
                .option("encoding", format.encoding())
                .option("header", Boolean.toString(format.header()))
                // Only the CSV layout quotes titles ("American President, The (1995)"); the others never quote,
                // and a stray '"' in a Latin-1 title must stay part of it.
                .option("quote", format.header() ? "\"" : "")
                .option("escape", "\"")
                .option("mode", "PERMISSIVE");
        String schema = format.schema();
        if (diagnose) {
            reader = reader.option("columnNameOfCorruptRecord", CORRUPT);
            schema = schema + ", " + CORRUPT + " STRING";
        }
        return reader.schema(schema).csv(file.toString());
    }

    /** The pipeline's column names for MovieLens' CSV headers. */
    private static Dataset<Row> renamed(Dataset<Row> raw) {
        return raw.withColumnRenamed("movieId", "itemId")
                .withColumnRenamed("timestamp", "ts")
                .withColumnRenamed("genres", "genreText");
    }

    /**
     * Fails with the file and the first malformed record, if any: a required field that is empty or did not parse.
     * Only then is the file read again with the raw text of its records, to quote the bad one.
     */
    private static void check(Dataset<Row> raw, Supplier<Dataset<Row>> diagnosed, Path file, List<String> required) {
        if (raw.filter(anyNull(required)).limit(1).collectAsList().isEmpty()) {
            return;
        }
        List<Row> first = diagnosed
                .get()
                .filter(col(CORRUPT).isNotNull().or(anyNull(required)))
                .select(coalesce(col(CORRUPT), lit("(a required field is empty)")))
                .limit(1)
                .collectAsList();
        String record =
                first.isEmpty() ? "(a required field is empty)" : first.get(0).getString(0);
        throw new OfflineInputException(file + ": malformed record '" + record + "'; expected fields " + required);
    }

    private static Column anyNull(List<String> columns) {
        Column bad = lit(false);
        for (String c : columns) {
            bad = bad.or(col(c).isNull());
        }
        return bad;
    }

    private static Dataset<Row> itemsWithGenreText(Dataset<Row> raw) {
        Column genres = when(col("genreText").isNull().or(col("genreText").equalTo("(no genres listed)")), array())
                .otherwise(split(col("genreText"), "\\|"));
        return raw.select(
                col("itemId"),
                col("title"),
                genres.cast("array<string>").as("genres"),
                titleYear().as("releaseYear"));
    }

    private static Dataset<Row> items100k(Dataset<Row> raw) {
        List<Column> flags = new ArrayList<>();
        // Flag 0 is 'unknown', meaning "no genre": it is dropped.
        for (int g = 1; g < Catalogue.ML_100K_GENRES.size(); g++) {
            flags.add(when(col("g" + g).equalTo(1), lit(Catalogue.ML_100K_GENRES.get(g))));
        }
        // The release date is "01-Jan-1995"; the title's "(1995)" is the fallback when it is empty.
        Column dateYear = coalesce(regexp_extract(col("releaseDate"), "(\\d{4})$", 1), lit(""));
        Column year = when(dateYear.equalTo(""), titleYear()).otherwise(dateYear.cast("int"));
        return raw.select(
                col("itemId"),
                col("title"),
                array_compact(array(flags.toArray(Column[]::new))).as("genres"),
                year.as("releaseYear"));
    }

    private static Column titleYear() {
        Column y = regexp_extract(col("title"), TITLE_YEAR, 1);
        return when(y.equalTo(""), lit(null).cast("int")).otherwise(y.cast("int"));
    }
}
