package dev.wren.model.offline;

import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.SampleSource;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One split of an offline output folder, ready for training: its layout, the training samples without their latest
 * events (a validation slice for early stopping, later in time than everything trained on, so early stopping is
 * leak-free too), and the test samples. Thread-safe: immutable; sources open their own readers.
 */
public final class OfflineSamples {
    private static final Logger log = LoggerFactory.getLogger(OfflineSamples.class);

    private final Path directory;
    private final OfflineLayout layout;
    private final List<Path> trainFiles;
    private final List<Path> testFiles;
    private final long validationCutoff;
    private final long trainSize;
    private final long validationSize;

    private OfflineSamples(
            Path directory,
            OfflineLayout layout,
            List<Path> trainFiles,
            List<Path> testFiles,
            long validationCutoff,
            long trainSize,
            long validationSize) {
        this.directory = directory;
        this.layout = layout;
        this.trainFiles = trainFiles;
        this.testFiles = testFiles;
        this.validationCutoff = validationCutoff;
        this.trainSize = trainSize;
        this.validationSize = validationSize;
    }

    /**
     * Opens {@code <dir>/samples/<split>/{train,test}} with the manifest's fitted transforms.
     *
     * @param split "time" or "user"
     * @param validationFraction share of training events, the latest in time, held out for early stopping
     * @throws IllegalArgumentException when the folder, manifest or samples are missing or malformed
     */
    public static OfflineSamples open(Path dir, String split, double validationFraction) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in (0, 1), got " + validationFraction);
        }
        OfflineManifest manifest = OfflineManifest.read(dir, split);
        List<Path> train =
                ParquetRows.filesOf(dir.resolve("samples").resolve(split).resolve("train"));
        List<Path> test =
                ParquetRows.filesOf(dir.resolve("samples").resolve(split).resolve("test"));
        BitSet users = new BitSet();
        BitSet items = new BitSet();
        long[] times = scan(train, users, items);
        if (times.length == 0) {
            throw new IllegalArgumentException(dir + ": split '" + split + "' has no training samples");
        }
        OfflineLayout layout = new OfflineLayout(manifest, IdVocabulary.dense(users), IdVocabulary.dense(items));
        if (times.length < 2) {
            throw new IllegalArgumentException(dir + ": split '" + split + "' has " + times.length
                    + " training samples, too few to hold out a validation slice");
        }
        Arrays.sort(times);
        int at = (int) Math.min(times.length - 1, Math.max(1, Math.round(times.length * (1 - validationFraction))));
        long cutoff = times[at];
        long trainSize = 0;
        for (long t : times) {
            if (t < cutoff) {
                trainSize++;
            }
        }
        if (trainSize == 0) {
            throw new IllegalArgumentException(
                    dir + ": every training sample has the same time; cannot hold out a later validation slice");
        }
        log.info(
                "{} split '{}': {} training samples, {} validation samples (events at or after {}), layout with {}"
                        + " categorical and {} numeric fields",
                dir,
                split,
                trainSize,
                times.length - trainSize,
                cutoff,
                layout.layout().categoricalCount(),
                layout.layout().numericCount());
        return new OfflineSamples(dir, layout, train, test, cutoff, trainSize, times.length - trainSize);
    }

    /**
     * One pass over the training files: the event times, and the user and item ids seen (they get embedding rows;
     * ids first seen in the test files are unknown to the model, as they would be in production).
     */
    private static long[] scan(List<Path> files, BitSet users, BitSet items) {
        ParquetRows rows =
                new ParquetRows(files, List.of(OfflineLayout.TIME, OfflineLayout.USER_ID, OfflineLayout.ITEM_ID));
        long[] out = new long[Math.toIntExact(rows.count())];
        int i = 0;
        try (Stream<Group> all = rows.stream()) {
            for (Iterator<Group> it = all.iterator(); it.hasNext(); ) {
                Group row = it.next();
                out[i++] = Columns.number(row, 0).longValue();
                users.set(id(row, 1, OfflineLayout.USER_ID));
                items.set(id(row, 2, OfflineLayout.ITEM_ID));
            }
        }
        return out;
    }

    private static int id(Group row, int field, String name) {
        if (!Columns.present(row, field)) {
            return 0;
        }
        long id = Columns.number(row, field).longValue();
        if (id < 0 || id >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " " + id + " is not a non-negative int");
        }
        return (int) id;
    }

    public Path directory() {
        return directory;
    }

    public String split() {
        return layout.manifest().split();
    }

    public FeatureLayout layout() {
        return layout.layout();
    }

    public OfflineLayout offlineLayout() {
        return layout;
    }

    /** Training samples before the validation cutoff. */
    public SampleSource train() {
        long cutoff = validationCutoff;
        return new ParquetSampleSource(
                layout, trainFiles, t -> t < cutoff, trainSize, ParquetSampleSource.SHUFFLE_BUFFER);
    }

    /** The latest training samples, held out for early stopping. */
    public SampleSource validation() {
        long cutoff = validationCutoff;
        return new ParquetSampleSource(
                layout, trainFiles, t -> t >= cutoff, validationSize, ParquetSampleSource.SHUFFLE_BUFFER);
    }

    /** The split's test samples. */
    public SampleSource test() {
        return ParquetSampleSource.all(layout, testFiles);
    }
}
