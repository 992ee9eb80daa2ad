package dev.wren.offline;

import dev.wren.data.movielens.FileReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What an offline run produced.
 *
 * @param output the output folder (Parquet, JSON reports, {@code manifest.json})
 * @param publishedVersion the feature-store version made live, if a store was given
 * @param timings wall time per stage that ran
 * @param rowCounts rows per Parquet output
 * @param hitRates next-item hit rate@10 per embedding method and the popularity baseline (when EMBED ran)
 * @param similarRecall the similar items' recall@10 against an exact search (when SIMILAR ran)
 * @param badRows the input files that had bad rows, which were skipped, with the first ones' file and line
 */
public record OfflineResult(
        Path output,
        Optional<String> publishedVersion,
        Map<Stage, Duration> timings,
        Map<String, Long> rowCounts,
        Map<String, Double> hitRates,
        OptionalDouble similarRecall,
        List<FileReport> badRows) {
    public OfflineResult {
        badRows = List.copyOf(badRows);
        timings = Map.copyOf(timings);
        rowCounts = Map.copyOf(rowCounts);
        hitRates = Map.copyOf(hitRates);
    }
}
