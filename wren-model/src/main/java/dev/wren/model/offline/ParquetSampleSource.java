package dev.wren.model.offline;

import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.SampleBatch;
import dev.wren.model.data.SampleSource;
import dev.wren.model.data.StreamedSampleSource;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

/**
 * Offline samples streamed from Parquet files: each pass reads the files row group by row group, decodes rows into
 * samples and batches them (with a seeded shuffle buffer), so memory holds one row group, the buffer and one batch.
 * Thread-safe: each pass opens its own readers.
 */
public final class ParquetSampleSource implements SampleSource {
    /** Samples held for shuffling, as in tf.data; enough to mix rows of one Spark partition. */
    public static final int SHUFFLE_BUFFER = 16_384;

    private final StreamedSampleSource streamed;

    /**
     * @param files Parquet files in the offline samples schema
     * @param keepTime keeps a row when its event time (seconds) passes; e.g. the latest part of training for
     *     validation
     * @param size rows that pass {@code keepTime} (known from an earlier scan)
     */
    public ParquetSampleSource(
            OfflineLayout layout, List<Path> files, LongPredicate keepTime, long size, int shuffleBuffer) {
        ParquetRows rows = new ParquetRows(files, layout.columns());
        this.streamed = new StreamedSampleSource(
                layout.layout(),
                size,
                () -> {
                    Stream<org.apache.parquet.example.data.Group> all = rows.stream();
                    return all.filter(g -> keepTime.test(layout.time(g))).map(layout::decode);
                },
                shuffleBuffer);
    }

    /** Every row of the files. */
    public static ParquetSampleSource all(OfflineLayout layout, List<Path> files) {
        return new ParquetSampleSource(
                layout, files, t -> true, new ParquetRows(files, layout.columns()).count(), SHUFFLE_BUFFER);
    }

    @Override
    public FeatureLayout layout() {
        return streamed.layout();
    }

    @Override
    public long size() {
        return streamed.size();
    }

    @Override
    public Stream<SampleBatch> batches(int batchSize, OptionalLong shuffleSeed) {
        return streamed.batches(batchSize, shuffleSeed);
    }
}
