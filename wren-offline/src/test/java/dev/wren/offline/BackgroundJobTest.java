package dev.wren.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class BackgroundJobTest {
    private final SparkSession spark = TestSpark.session();

    @Test
    void returnsTheResultOfSparkWorkRunOnItsOwnThread() {
        try (BackgroundJob<Long> job = BackgroundJob.start(spark, "count", () -> {
            assertThat(Thread.currentThread().getName()).isEqualTo("wren-count");
            return spark.range(100).count();
        })) {
            assertThat(job.await()).isEqualTo(100L);
        }
    }

    @Test
    void rethrowsTheWorksOwnException() {
        try (BackgroundJob<Long> job = BackgroundJob.start(spark, "failing", () -> {
            throw new IllegalArgumentException("no such column: x");
        })) {
            assertThatThrownBy(job::await)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no such column: x");
        }
    }

    @Test
    void closeCancelsTheSparkJobStillRunning() throws InterruptedException {
        CountDownLatch submitted = new CountDownLatch(1);
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        BackgroundJob<Long> job = BackgroundJob.start(spark, "endless", () -> {
            submitted.countDown();
            // Each task sleeps far longer than the test: only a cancellation ends it early.
            return context.parallelize(List.of(1, 2), 2)
                    .map(i -> {
                        Thread.sleep(600_000);
                        return i;
                    })
                    .count();
        });
        assertThat(submitted.await(30, TimeUnit.SECONDS)).isTrue();
        waitForActiveJob();
        job.close();

        assertThatThrownBy(job::await).hasMessageContaining("cancelled");
    }

    private void waitForActiveJob() throws InterruptedException {
        for (int i = 0; i < 300 && spark.sparkContext().statusTracker().getActiveJobIds().length == 0; i++) {
            Thread.sleep(100);
        }
    }
}
