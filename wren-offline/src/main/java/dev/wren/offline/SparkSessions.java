package dev.wren.offline;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession every Wren job runs in. Locally it binds to loopback, turns the UI off and keeps shuffles
 * small; under {@code spark-submit} the master and addresses given there win.
 */
public final class SparkSessions {
    /** The master used when none is configured. */
    public static final String DEFAULT_MASTER = "local[*]";

    private SparkSessions() {}

    /**
     * Opens (or joins, if one is already active in this JVM) a session. The caller owns it and stops it.
     *
     * @param master the master URL; ignored when {@code spark.master} is already set (spark-submit sets it)
     * @param shufflePartitions the number of shuffle partitions; small data wants few
     */
    public static SparkSession open(String master, int shufflePartitions) {
        // new SparkConf() picks up the spark.* system properties that spark-submit passes in.
        SparkConf conf = new SparkConf().setAppName("wren-offline");
        if (!conf.contains("spark.master")) {
            conf.setMaster(master);
        }
        String effective = conf.get("spark.master");
        if (effective.startsWith("local") && !conf.contains("spark.driver.host")) {
            // Same effect as SPARK_LOCAL_IP=127.0.0.1: never depend on the machine's hostname resolving.
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions))
                .setIfMissing("spark.default.parallelism", Integer.toString(shufflePartitions))
                .setIfMissing("spark.sql.session.timeZone", "UTC")
                .setIfMissing("spark.sql.adaptive.enabled", "true")
                // ALS checkpoints its iterations: drop the files once nothing refers to them.
                .setIfMissing("spark.cleaner.referenceTracking.cleanCheckpoints", "true")
                .setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                // Caching 25M parsed ratings spent more time choosing each column's compression than parsing the
                // CSV; uncompressed they take about 0.6 GB, and the pipeline's caches are read many times.
                .setIfMissing("spark.sql.inMemoryColumnarStorage.compressed", "false");
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
