package dev.wren.offline.io;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.when;

import dev.wren.data.movielens.Catalogue;
import dev.wren.offline.OfflineInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    private final SparkSession spark;

    public MovieLensReader(SparkSession spark) {
        this.spark = spark;
    }

    /** Reads the dataset in {@code dir}, whichever layout it has. */
    public MovieLensData read(Path dir) {
        MovieLensLayout layout = MovieLensLayout.detect(dir);
        Path ratingsFile = layout.ratings(dir);
        Path itemsFile = layout.items(dir);
        Dataset<Row> rawRatings;
        Dataset<Row> rawItems;
        switch (layout) {
            case CSV -> {
                // The schema names the columns as MovieLens' headers do (Spark warns on every read otherwise), then
                // they take the pipeline's names.
                rawRatings = csv(",", "UTF-8", true)
                        .schema("userId INT, movieId INT, rating DOUBLE, timestamp LONG, " + CORRUPT + " STRING")
                        .csv(ratingsFile.toString())
                        .withColumnRenamed("movieId", "itemId")
                        .withColumnRenamed("timestamp", "ts");
                rawItems = csv(",", "UTF-8", true)
                        .schema("movieId INT, title STRING, genres STRING, " + CORRUPT + " STRING")
                        .csv(itemsFile.toString())
                        .withColumnRenamed("movieId", "itemId")
                        .withColumnRenamed("genres", "genreText");
            }
            case ML_100K -> {
                rawRatings = csv("\t", "UTF-8", false)
                        .schema("userId INT, itemId INT, rating DOUBLE, ts LONG, " + CORRUPT + " STRING")
                        .csv(ratingsFile.toString());
                StringBuilder schema = new StringBuilder(
                        "itemId INT, title STRING, releaseDate STRING, " + "videoReleaseDate STRING, url STRING");
                for (int g = 0; g < Catalogue.ML_100K_GENRES.size(); g++) {
                    schema.append(", g").append(g).append(" INT");
                }
                rawItems = csv("|", LATIN_1, false)
                        .schema(schema + ", " + CORRUPT + " STRING")
                        .csv(itemsFile.toString());
            }
            case DAT -> {
                rawRatings = csv("::", LATIN_1, false)
                        .schema("userId INT, itemId INT, rating DOUBLE, ts LONG, " + CORRUPT + " STRING")
                        .csv(ratingsFile.toString());
                rawItems = csv("::", LATIN_1, false)
                        .schema("itemId INT, title STRING, genreText STRING, " + CORRUPT + " STRING")
                        .csv(itemsFile.toString());
            }
            default -> throw new IllegalStateException(layout.name());
        }
        // Parsed once: the check below and every later stage read the cache instead of the CSV (at 25M ratings each
        // parse of the text costs a minute or more).
        rawRatings = rawRatings.persist(StorageLevel.MEMORY_AND_DISK());
        check(rawRatings, ratingsFile, "userId", "itemId", "rating", "ts");
        check(rawItems, itemsFile, "itemId", "title");
        Dataset<Row> ratings = rawRatings.select("userId", "itemId", "rating", "ts");
        Dataset<Row> items = layout == MovieLensLayout.ML_100K ? items100k(rawItems) : itemsWithGenreText(rawItems);
        return new MovieLensData(layout, ratings, items, List.of(ratingsFile, itemsFile));
    }

    private DataFrameReader csv(String separator, String encoding, boolean header) {
        return spark.read()
                .option("sep", separator)
                .option("encoding", encoding)
                .option("header", Boolean.toString(header))
                // Only the CSV layout quotes titles ("American President, The (1995)"); the others never quote,
                // and a stray '"' in a Latin-1 title must stay part of it.
                .option("quote", header ? "\"" : "")
                .option("escape", "\"")
                .option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", CORRUPT);
    }

    /** Fails with the file and the first malformed record, if any. */
    private static void check(Dataset<Row> raw, Path file, String... required) {
        Column bad = col(CORRUPT).isNotNull();
        for (String c : required) {
            bad = bad.or(col(c).isNull());
        }
        List<Row> first = raw.filter(bad)
                .select(coalesce(col(CORRUPT), lit("(a required field is empty)")), input_file_name())
                .limit(1)
                .collectAsList();
        if (!first.isEmpty()) {
            throw new OfflineInputException(file + ": malformed record '"
                    + first.get(0).getString(0) + "'; expected fields " + List.of(required));
        }
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
