package dev.wren.eval;

import dev.wren.offline.SparkSessions;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of a test JVM: starting one costs seconds, so every test class shares it. Spark stops it in its
 * own shutdown hook. Test code only.
 */
public final class TestSpark {
    private static final SparkSession SESSION = SparkSessions.open("local[2]", 2);

    private TestSpark() {}

    public static SparkSession session() {
        return SESSION;
    }
}
