package dev.wren.model.learn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wren.model.data.Sample;
import dev.wren.model.offline.OfflineLayout;
import dev.wren.model.offline.OfflineSamples;
import dev.wren.model.offline.ParquetRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreshSamplesTest {
    @TempDir
    Path tmp;

    private static void assertSameSamples(List<TimedSample> actual, List<TimedSample> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            Sample a = actual.get(i).sample();
            Sample e = expected.get(i).sample();
            assertThat(a.categorical()).as("row %d categorical", i).containsExactly(e.categorical());
            assertThat(a.numeric()).as("row %d numeric", i).containsExactly(e.numeric());
            assertThat(a.sequence()).as("row %d sequence", i).containsExactly(e.sequence());
            assertThat(a.label()).isEqualTo(e.label());
            assertThat(actual.get(i).ts()).isEqualTo(expected.get(i).ts());
        }
    }

    @Test
    void jsonLinesDecodeExactlyAsTheOfflineParquetSamples() throws IOException {
        OfflineSamples offline = LearnFixtures.offline(tmp.resolve("offline"), 200, 120, 3);
        OfflineLayout layout = offline.offlineLayout();
        List<Path> test = ParquetRows.filesOf(tmp.resolve("offline/samples/time/test"));
        FreshSamples reader = new FreshSamples(layout, Optional.empty(), b -> {});
        List<TimedSample> fromParquet = reader.readParquet(test.get(0));

        List<String> lines = LearnFixtures.asJson(layout, test, Set.of()).stream()
                .map(ObjectNode::toString)
                .toList();
        Path file = LearnFixtures.writeLines(tmp.resolve("stream/part-0-0"), lines);
        List<TimedSample> fromJson = reader.readJsonLines(file);

        assertThat(fromParquet).hasSize(120);
        assertSameSamples(fromJson, fromParquet);
        assertThat(reader.badRows()).isZero();
    }

    @Test
    void absentItemFeaturesAreJoinedFromTheItemTable() throws IOException {
        OfflineSamples offline = LearnFixtures.offline(tmp.resolve("offline"), 200, 60, 4);
        OfflineLayout layout = offline.offlineLayout();
        List<Path> test = ParquetRows.filesOf(tmp.resolve("offline/samples/time/test"));
        List<String> itemColumns = ItemFeatureTable.itemColumns(layout);
        assertThat(itemColumns).contains("genre1", "releaseYear", "itemRatingCount");
        List<ObjectNode> full = LearnFixtures.asJson(layout, test, Set.of());
        // A catalogue holding exactly the values the rows carry (the synthetic item statistics vary per row, so
        // one row per item is kept, and only those rows are compared).
        java.util.LinkedHashMap<Long, Object[]> table = new java.util.LinkedHashMap<>();
        List<ObjectNode> kept = new ArrayList<>();
        for (ObjectNode row : full) {
            long item = row.get("itemId").asLong();
            if (table.containsKey(item)) {
                continue;
            }
            Object[] values = new Object[itemColumns.size()];
            for (int i = 0; i < values.length; i++) {
                var v = row.get(itemColumns.get(i));
                values[i] = v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.numberValue();
            }
            table.put(item, values);
            kept.add(row);
        }
        ItemFeatureTable items = ItemFeatureTable.of(itemColumns, Map.copyOf(table));
        List<String> complete = kept.stream().map(ObjectNode::toString).toList();
        List<String> withoutItems = kept.stream()
                .map(n -> {
                    ObjectNode copy = n.deepCopy();
                    itemColumns.forEach(copy::remove);
                    return copy.toString();
                })
                .toList();
        FreshSamples reader = new FreshSamples(layout, Optional.of(items), b -> {});
        List<TimedSample> expected = reader.readJsonLines(LearnFixtures.writeLines(tmp.resolve("a.jsonl"), complete));
        List<TimedSample> joined = reader.readJsonLines(LearnFixtures.writeLines(tmp.resolve("b.jsonl"), withoutItems));
        assertSameSamples(joined, expected);

        // Without a table, the absent item side is unknown: genre index 0 and the imputed means.
        List<TimedSample> bare =
                new FreshSamples(layout, Optional.empty(), b -> {}).readJsonLines(tmp.resolve("b.jsonl"));
        int genre1 = layout.layout().categoricalNames().indexOf("genre1");
        assertThat(bare.get(0).sample().categorical()[genre1]).isZero();
    }

    @Test
    void badRowsAreReportedWithFileAndLineCountedAndSkipped() throws IOException {
        OfflineSamples offline = LearnFixtures.offline(tmp.resolve("offline"), 200, 20, 5);
        OfflineLayout layout = offline.offlineLayout();
        List<Path> test = ParquetRows.filesOf(tmp.resolve("offline/samples/time/test"));
        List<ObjectNode> rows = LearnFixtures.asJson(layout, test, Set.of());
        List<String> lines = new ArrayList<>();
        lines.add(rows.get(0).toString());
        lines.add("{not json");
        lines.add(rows.get(1).deepCopy().without("userId").toString());
        lines.add(rows.get(2).deepCopy().put("label", 2).toString());
        lines.add(rows.get(3).deepCopy().put("genre1", 7).toString());
        lines.add("");
        lines.add(rows.get(4).deepCopy().put("userRatingAvg", "high").toString());
        lines.add(rows.get(5).deepCopy().put("position", -1).toString());
        lines.add(rows.get(6).toString());
        Path file = LearnFixtures.writeLines(tmp.resolve("stream/part-1"), lines);

        List<BadSample> bad = new ArrayList<>();
        FreshSamples reader = new FreshSamples(layout, Optional.empty(), bad::add);
        List<TimedSample> good = reader.readJsonLines(file);

        assertThat(good).hasSize(2);
        assertThat(reader.goodRows()).isEqualTo(2);
        assertThat(reader.badRows()).isEqualTo(6);
        assertThat(bad).extracting(BadSample::line).containsExactly(2L, 3L, 4L, 5L, 7L, 8L);
        assertThat(bad).allSatisfy(b -> assertThat(b.file()).isEqualTo(file));
        assertThat(bad.get(0).toString()).startsWith(file + ":2: not valid JSON");
        assertThat(bad.get(1).message()).isEqualTo("missing required field 'userId'");
        assertThat(bad.get(2).message()).contains("label must be 0, 1, true or false");
        assertThat(bad.get(3).message()).contains("'genre1' must be a string");
        assertThat(bad.get(4).message()).contains("'userRatingAvg' must be a number");
        assertThat(bad.get(5).message()).contains("position must be a non-negative integer");
    }

    @Test
    void committedFilesLeaveOutInProgressAndHiddenParts() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("stream/2026-12-06--02"));
        Files.writeString(dir.resolve("part-a-0"), "");
        Files.writeString(dir.resolve(".part-a-1.inprogress.123"), "");
        Files.writeString(dir.resolve("part-a-2.inprogress"), "");
        Files.writeString(tmp.resolve("stream/_SUCCESS"), "");
        assertThat(FreshSamples.committedFiles(tmp.resolve("stream"))).containsExactly(dir.resolve("part-a-0"));
    }
}
