package dev.wren.offline.samples;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.features.UserFeatureRules;
import dev.wren.offline.TestSpark;
import dev.wren.offline.features.ItemFeatures;
import dev.wren.offline.features.UserFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The leakage guard: a sample's user and item features must not change when everything at or after its time is
 * rewritten (its own rating included, and new events in the same second added).
 */
class NoLeakageTest {
    private static final StructType RATINGS = StructType.fromDDL("userId INT, itemId INT, rating DOUBLE, ts LONG");
    private static final List<String> FEATURES = List.of(
            "userRatingCount",
            "userRatingAvg",
            "userRatingStd",
            "userReleaseYearAvg",
            "userReleaseYearStd",
            "userRecentPositives",
            "userTopGenres",
            "itemRatingCount",
            "itemRatingAvg",
            "itemRatingStd",
            "itemFirstRatingTime",
            "itemLastRatingTime");

    private final Samples samples = new Samples(
            new UserFeatures(UserFeatureRules.defaults()),
            SampleParams.defaults().withNegatives(2),
            7);

    @Test
    void samplesNeverDependOnEventsAtOrAfterTheirTime() {
        Random random = new Random(3);
        List<Row> log = new ArrayList<>();
        // Few users, items and distinct seconds, so ties and shared items are everywhere.
        for (int i = 0; i < 120; i++) {
            log.add(RowFactory.create(
                    1 + random.nextInt(4), 1 + random.nextInt(6), 0.5 * (1 + random.nextInt(10)), (long)
                            random.nextInt(30)));
        }
        Dataset<Row> items = items();
        List<String> vocabulary = ItemFeatures.genreVocabulary(items);
        Dataset<Row> original = samples.build(ratings(log), items, vocabulary, 20)
                .filter(col("negative").equalTo(false))
                .cache();

        for (long cut : new long[] {5, 12, 21}) {
            List<Row> rewritten = new ArrayList<>();
            for (Row r : log) {
                long ts = r.getLong(3);
                rewritten.add(ts < cut ? r : RowFactory.create(r.getInt(0), r.getInt(1), 5.5 - r.getDouble(2), ts));
            }
            for (int u = 1; u <= 4; u++) {
                rewritten.add(RowFactory.create(u, 1 + random.nextInt(6), 5.0, cut)); // same second as the samples
                rewritten.add(RowFactory.create(u, 1 + random.nextInt(6), 0.5, cut + 1));
            }
            Dataset<Row> changed = samples.build(ratings(rewritten), items, vocabulary, 20)
                    .filter(col("negative").equalTo(false));

            Dataset<Row> before = features(original.filter(col("ts").equalTo(cut)));
            Dataset<Row> after = features(changed.filter(col("ts").equalTo(cut)))
                    .join(before.select("userId", "itemId", "ts").distinct(), scalaSeq(), "left_semi");
            assertThat(before.count()).as("samples at t=%d", cut).isPositive();
            assertThat(after.exceptAll(before).count())
                    .as("changed features at t=%d", cut)
                    .isZero();
            assertThat(before.exceptAll(after).count())
                    .as("missing features at t=%d", cut)
                    .isZero();
        }
    }

    private static scala.collection.immutable.Seq<String> scalaSeq() {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of("userId", "itemId", "ts"))
                .toList();
    }

    private static Dataset<Row> features(Dataset<Row> s) {
        List<String> cols = new ArrayList<>(List.of("userId", "itemId", "ts"));
        cols.addAll(FEATURES);
        return s.selectExpr(cols.toArray(String[]::new)).dropDuplicates();
    }

    private static Dataset<Row> ratings(List<Row> rows) {
        return TestSpark.session().createDataFrame(rows, RATINGS);
    }

    private static Dataset<Row> items() {
        List<Row> rows = new ArrayList<>();
        String[] genres = {"Action", "Comedy", "Drama"};
        for (int i = 1; i <= 6; i++) {
            rows.add(RowFactory.create(i, "Item " + i, List.of(genres[i % 3], genres[(i + 1) % 3]), 1990 + i));
        }
        return TestSpark.session()
                .createDataFrame(
                        rows, StructType.fromDDL("itemId INT, title STRING, genres ARRAY<STRING>, releaseYear INT"));
    }
}
