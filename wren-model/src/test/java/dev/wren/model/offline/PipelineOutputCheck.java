package dev.wren.model.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;

/**
 * Reads a real offline pipeline output (Spark-written Parquet), given as {@code -Dwren.offline.output=DIR} (e.g. the
 * {@code --out} of {@code wren offline}); wren-model has no Spark to produce one itself. Checks that every row
 * decodes into the layout and that buckets computed from the manifest's boundaries equal Spark's bucket columns.
 *
 * <p>Run by hand, not in CI (its name matches neither *Test nor *IT, so the build never skips it silently):
 * {@code ./mvnw -pl wren-model -am verify -Dit.test=PipelineOutputCheck -Dwren.offline.output=DIR}.
 */
class PipelineOutputCheck {
    @Test
    void decodesEveryRowAndMatchesSparksBuckets() {
        String dir = System.getProperty("wren.offline.output", "");
        assumeTrue(!dir.isBlank() && Files.isDirectory(Path.of(dir)), "-Dwren.offline.output=DIR not given");
        for (String split : OfflineManifest.SPLITS) {
            OfflineSamples samples = OfflineSamples.open(Path.of(dir), split, 0.1);
            FeatureLayout layout = samples.layout();
            long[] n = {0};
            try (var batches = samples.test().batches(4096, OptionalLong.empty())) {
                batches.forEach(b -> n[0] += b.size());
            }
            assertThat(n[0]).isEqualTo(samples.test().size());
            OfflineLayout offline = samples.offlineLayout();
            List<String> columns = new ArrayList<>(offline.columns());
            List<String> sparkBuckets = offline.manifest().bucketBoundaries().keySet().stream()
                    .map(c -> c + "_bucket")
                    .toList();
            columns.addAll(sparkBuckets);
            List<Path> files = ParquetRows.filesOf(Path.of(dir, "samples", split, "train"));
            try (Stream<Group> rows = new ParquetRows(files, columns).stream()) {
                for (Iterator<Group> it = rows.iterator(); it.hasNext(); ) {
                    Group row = it.next();
                    Sample s = offline.decode(row);
                    s.checkFits(layout);
                    for (int k = 0; k < sparkBuckets.size(); k++) {
                        String field = sparkBuckets.get(k).replace("_bucket", OfflineLayout.BUCKET_SUFFIX);
                        double spark = row.getDouble(offline.columns().size() + k, 0);
                        assertThat(s.categorical()[layout.categoricalIndex(field)])
                                .as(field)
                                .isEqualTo((int) spark + 1);
                    }
                }
            }
        }
    }
}
