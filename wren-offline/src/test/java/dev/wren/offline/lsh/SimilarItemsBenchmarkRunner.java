package dev.wren.offline.lsh;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wren.offline.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;

/**
 * The exact search against LSH on one set of item vectors, on demand (minutes at 60,000 items):
 * {@code ./mvnw -pl wren-offline test -Dtest=SimilarItemsBenchmarkRunner -Dwren.benchmark=true
 * -Dwren.benchmark.vectors=OFFLINE_OUT/embeddings/items [-Dwren.benchmark.queries=1000]}, where the folder is the
 * Parquet {@code itemId, vector} that {@code wren offline} writes. Prints each method's wall time and recall@10.
 */
class SimilarItemsBenchmarkRunner {
    @Test
    void comparesTheExactSearchWithLsh() {
        assumeTrue(Boolean.getBoolean("wren.benchmark"), "benchmark runs only with -Dwren.benchmark=true");
        Path folder = Path.of(System.getProperty("wren.benchmark.vectors", "missing"));
        assumeTrue(Files.isDirectory(folder), "no vectors at " + folder);
        int queries = Integer.getInteger("wren.benchmark.queries", 1000);
        Dataset<Row> vectors = TestSpark.session()
                .read()
                .parquet(folder.toString())
                .select("itemId", "vector")
                .persist(StorageLevel.MEMORY_ONLY());
        long items = vectors.count();
        int partitions = Runtime.getRuntime().availableProcessors() * 2;

        for (SimilarItems method :
                new SimilarItems[] {SimilarItems.defaults(42), new SimilarItems(10, 42, 0.3, 32, 5, 40, 0.8, 0)}) {
            long start = System.nanoTime();
            SimilarItems.Result result = method.run(vectors, queries, partitions);
            long rows = result.similar().count();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "similar items, %s: %,d items, %,d pairs, %.1f s (recall measured on %d items included),"
                            + " recall@10 %.4f%n",
                    result.method(), items, rows, seconds, result.queries(), result.recallAtK());
            result.similar().unpersist();
        }
    }
}
