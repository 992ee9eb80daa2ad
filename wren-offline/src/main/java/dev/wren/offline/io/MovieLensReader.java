package dev.wren.offline.io;

import static org.apache.spark.sql.functions.col;

import dev.wren.core.model.Item;
import dev.wren.data.movielens.BadRecordException;
import dev.wren.data.movielens.FileReport;
import dev.wren.data.movielens.MovieLensLayout;
import dev.wren.data.movielens.RatingLines;
import dev.wren.data.movielens.ReadOptions;
import dev.wren.offline.OfflineInputException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Reads any MovieLens layout into the columns of {@link MovieLensData}, with wren-data's rules: the movie catalogue
 * through wren-data's reader (small, on the driver), and the ratings in Spark's tasks, each line parsed by wren-data's
 * {@link RatingLines}, so a row refused here is refused with the same reason by {@code wren inspect} and serving.
 * Bad rows are skipped, counted and reported with file and line; in strict mode the first one stops the read. The
 * ratings are cached (memory, spilling to disk) as they are parsed. Thread-safe.
 */
public final class MovieLensReader {
    private static final Logger log = LoggerFactory.getLogger(MovieLensReader.class);
    private static final String PROBLEM = "_problem";
    private static final int REPORTED = 5;
    private static final StructType RATINGS = new StructType()
            .add("userId", DataTypes.IntegerType)
            .add("itemId", DataTypes.IntegerType)
            .add("rating", DataTypes.DoubleType)
            .add("ts", DataTypes.LongType)
            .add(PROBLEM, DataTypes.StringType);
    private static final StructType ITEMS = new StructType()
            .add("itemId", DataTypes.IntegerType, false)
            .add("title", DataTypes.StringType, false)
            .add("genres", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("releaseYear", DataTypes.IntegerType, true);

    private final SparkSession spark;

    public MovieLensReader(SparkSession spark) {
        this.spark = spark;
    }

    /** Reads the dataset in {@code dir}, whichever layout it has, skipping and reporting bad rows. */
    public MovieLensData read(Path dir) {
        return read(dir, false);
    }

    /**
     * Reads the dataset in {@code dir}, whichever layout it has.
     *
     * @param strict stop at the first bad row, naming its file and line; otherwise skip bad rows and report them
     */
    public MovieLensData read(Path dir, boolean strict) {
        dev.wren.data.movielens.MovieLensReader catalogue;
        try {
            catalogue = dev.wren.data.movielens.MovieLensReader.open(
                    dir, strict ? ReadOptions.strictMode() : ReadOptions.lenient());
        } catch (IllegalArgumentException | BadRecordException | UncheckedIOException e) {
            throw new OfflineInputException(e.getMessage());
        }
        MovieLensLayout layout = catalogue.layout();
        Path ratingsFile = dir.resolve(layout.ratingsFile());
        Path itemsFile = dir.resolve(layout.moviesFile());
        if (!Files.isRegularFile(ratingsFile)) {
            throw new OfflineInputException(dir + " has " + layout.moviesFile() + " but no " + layout.ratingsFile()
                    + ": the offline pipeline needs ratings");
        }
        List<FileReport> bad = new ArrayList<>();
        catalogue
                .report()
                .file(layout.moviesFile())
                .filter(r -> r.badRows() > 0)
                .ifPresent(bad::add);
        Dataset<Row> items = items(catalogue.items());
        BitSet known = new BitSet();
        catalogue.items().keySet().forEach(known::set);
        RatingLines rules = RatingLines.of(layout, known);

        // Parsed once: the check below and every later stage read the cache instead of the text (at 25M ratings each
        // parse of the text costs a minute or more).
        Dataset<Row> parsed = spark.createDataFrame(parse(lines(ratingsFile), rules), RATINGS)
                .persist(StorageLevel.MEMORY_AND_DISK());
        long badRatings = parsed.filter(col(PROBLEM).isNotNull()).count();
        if (badRatings > 0) {
            List<String> first = firstProblems(ratingsFile, rules);
            if (strict) {
                parsed.unpersist();
                throw new OfflineInputException(first.get(0));
            }
            long good = parsed.count() - badRatings;
            if (good == 0) {
                parsed.unpersist();
                throw new OfflineInputException("no valid rating in " + ratingsFile + " (" + badRatings
                        + " bad rows; the first: " + first.get(0) + ")");
            }
            bad.add(new FileReport(layout.ratingsFile(), good, badRatings, first));
        }
        for (FileReport r : bad) {
            log.warn(
                    "{}: {} bad row(s) skipped; first: {}",
                    r.file(),
                    r.badRows(),
                    String.join("; ", r.firstMessages()));
        }
        Dataset<Row> ratings = parsed.filter(col(PROBLEM).isNull()).drop(PROBLEM);
        return new MovieLensData(layout, ratings, items, List.of(ratingsFile, itemsFile), bad);
    }

    private Dataset<Row> items(Map<Integer, Item> catalogue) {
        List<Row> rows = new ArrayList<>(catalogue.size());
        for (Item item : catalogue.values()) {
            rows.add(RowFactory.create(
                    item.id(),
                    item.title(),
                    item.genres().toArray(String[]::new),
                    item.year().isPresent() ? item.year().getAsInt() : null));
        }
        return spark.createDataFrame(rows, ITEMS);
    }

    /** The file's lines in order: Hadoop's text splits keep the file's order, so partition 0 starts the file. */
    private JavaRDD<String> lines(Path file) {
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).textFile(file.toString());
    }

    private static JavaRDD<Row> parse(JavaRDD<String> lines, RatingLines rules) {
        return lines.mapPartitionsWithIndex((partition, it) -> new ParsedLines(rules, partition == 0, it), true);
    }

    /**
     * The first bad rows with their line numbers; a second pass, with each line's index, only when there are bad rows,
     * so that a clean file is read once.
     */
    private List<String> firstProblems(Path file, RatingLines rules) {
        List<Tuple2<Long, String>> first = lines(file)
                .zipWithIndex()
                .mapPartitionsWithIndex(
                        (partition, it) -> {
                            RatingLines.Parser parser = rules.parser();
                            List<Tuple2<Long, String>> out = new ArrayList<>();
                            while (it.hasNext()) {
                                Tuple2<String, Long> line = it.next();
                                byte[] bytes = line._1().getBytes(StandardCharsets.UTF_8);
                                boolean header = line._2() == 0 && rules.isHeader(bytes, 0, bytes.length);
                                if (bytes.length > 0 && !header && !parser.parse(bytes, 0, bytes.length)) {
                                    out.add(new Tuple2<>(line._2() + 1, parser.problem()));
                                }
                            }
                            return out.iterator();
                        },
                        true)
                .takeOrdered(REPORTED, new ByLine());
        return first.stream()
                .map(t -> new BadRecordException(rules.file(), t._1(), t._2()).getMessage())
                .toList();
    }

    /** Orders bad rows by line number. */
    private static final class ByLine implements Comparator<Tuple2<Long, String>>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(Tuple2<Long, String> a, Tuple2<Long, String> b) {
            return Long.compare(a._1(), b._1());
        }
    }

    /** One partition's lines as rows: the four columns of a good rating, or only the reason a line is bad. */
    private static final class ParsedLines implements Iterator<Row> {
        private final RatingLines rules;
        private final RatingLines.Parser parser;
        private final Iterator<String> lines;
        private boolean atFileStart;
        private Row next;

        ParsedLines(RatingLines rules, boolean atFileStart, Iterator<String> lines) {
            this.rules = rules;
            this.parser = rules.parser();
            this.atFileStart = atFileStart;
            this.lines = lines;
        }

        @Override
        public boolean hasNext() {
            while (next == null && lines.hasNext()) {
                byte[] bytes = lines.next().getBytes(StandardCharsets.UTF_8);
                boolean first = atFileStart;
                atFileStart = false;
                if (bytes.length == 0 || (first && rules.isHeader(bytes, 0, bytes.length))) {
                    continue;
                }
                next = parser.parse(bytes, 0, bytes.length)
                        ? RowFactory.create(
                                parser.user(), parser.movie(), (double) parser.rating(), parser.timestamp(), null)
                        : RowFactory.create(null, null, null, null, parser.problem());
            }
            return next != null;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            Row r = next;
            next = null;
            return r;
        }
    }
}
