package dev.wren.offline;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.wren.core.store.FeatureSchema;
import dev.wren.store.embedded.EmbeddedFeatureStore;
import java.nio.file.Path;
import org.apache.spark.sql.execution.window.WindowExec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * No stage plans a window without a partition key: Spark runs such a window in one task over all its rows (it warns
 * "No Partition Defined for Window operation!" while planning it), which on 25M ratings kept one core busy and the
 * other idle.
 */
class SinglePartitionWindowTest {
    private static final int DIM = 8;

    @Test
    void noStagePlansAWindowWithoutAPartitionKey(@TempDir Path tmp) {
        // Spark's planner warns once for every unpartitioned window it plans, whichever stage or library asked for it.
        Logger planner = (Logger) LoggerFactory.getLogger(WindowExec.class);
        Level before = planner.getLevel();
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        planner.setLevel(Level.WARN);
        planner.addAppender(warnings);
        try (var store = EmbeddedFeatureStore.inMemory(FeatureSchema.standard(DIM))) {
            OfflineConfig config = OfflineConfig.defaults(
                            OfflinePipelineTest.writeDataset(tmp.resolve("in")), tmp.resolve("out"))
                    .withSnapshotVersion("window-test")
                    .withSamples(OfflineConfig.defaults(tmp, tmp).samples().withNegatives(1))
                    .withEmbedding(new EmbeddingParams(DIM, 5, 2, 1, 6, 2, 1.0, 0.5, 100, "item2vec"));

            new OfflinePipeline(TestSpark.session()).run(config, store, ProgressListener.none());
        } finally {
            planner.detachAppender(warnings);
            planner.setLevel(before);
        }

        assertThat(warnings.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("No Partition Defined"));
    }
}
