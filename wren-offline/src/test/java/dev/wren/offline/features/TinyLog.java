package dev.wren.offline.features;

import dev.wren.offline.TestSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/** A hand-sized rating log whose features are worked out by hand in the tests. */
final class TinyLog {
    static final long DAY = 86_400;

    private TinyLog() {}

    static Dataset<Row> items() {
        return TestSpark.session()
                .createDataFrame(
                        List.of(
                                RowFactory.create(10, "Ten (1990)", List.of("Drama", "Comedy"), 1990),
                                RowFactory.create(20, "Twenty (2000)", List.of("Action"), 2000),
                                RowFactory.create(30, "Thirty (2010)", List.of("Drama"), 2010),
                                RowFactory.create(40, "Forty (2020)", List.of("Comedy", "Action"), 2020)),
                        StructType.fromDDL("itemId INT, title STRING, genres ARRAY<STRING>, releaseYear INT"));
    }

    static Dataset<Row> ratings() {
        return TestSpark.session()
                .createDataFrame(
                        List.of(
                                // user 1: a tie at t=200 that neither event may see
                                RowFactory.create(1, 10, 4.0, 100L),
                                RowFactory.create(1, 20, 3.0, 200L),
                                RowFactory.create(1, 30, 5.0, 200L),
                                RowFactory.create(1, 40, 4.5, 300L),
                                // user 3 rates items 20 and 30 around user 1
                                RowFactory.create(3, 20, 2.0, 150L),
                                RowFactory.create(3, 30, 3.0, 200L),
                                // user 2: old Action positives, then recent Drama/Comedy
                                RowFactory.create(2, 20, 5.0, 0L),
                                RowFactory.create(2, 40, 5.0, DAY),
                                RowFactory.create(2, 10, 5.0, 10 * DAY),
                                RowFactory.create(2, 30, 1.0, 10 * DAY + 1)),
                        StructType.fromDDL("userId INT, itemId INT, rating DOUBLE, ts LONG"));
    }
}
