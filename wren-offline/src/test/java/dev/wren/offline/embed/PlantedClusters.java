package dev.wren.offline.embed;

import dev.wren.offline.TestSpark;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * A log with hidden tastes: items 1..CLUSTERS*SIZE fall in clusters of SIZE consecutive ids; each user loves
 * (rating 5) items of one cluster, in random order, and now and then rates a random item low. Seeded.
 */
final class PlantedClusters {
    static final int CLUSTERS = 4;
    static final int SIZE = 10;

    private PlantedClusters() {}

    static int cluster(int item) {
        return (item - 1) / SIZE;
    }

    static Dataset<Row> ratings(int users, long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int u = 1; u <= users; u++) {
            int c = u % CLUSTERS;
            List<Integer> liked = new ArrayList<>();
            for (int i = 1; i <= SIZE; i++) {
                liked.add(c * SIZE + i);
            }
            Collections.shuffle(liked, random);
            long ts = 1_000_000L + u;
            for (int item : liked.subList(0, 6 + random.nextInt(4))) {
                rows.add(RowFactory.create(u, item, 5.0, ts));
                ts += 100 + random.nextInt(1000);
                if (random.nextInt(4) == 0) {
                    rows.add(RowFactory.create(u, 1 + random.nextInt(CLUSTERS * SIZE), 1.0, ts++));
                }
            }
        }
        return TestSpark.session()
                .createDataFrame(rows, StructType.fromDDL("userId INT, itemId INT, rating DOUBLE, ts LONG"));
    }
}
