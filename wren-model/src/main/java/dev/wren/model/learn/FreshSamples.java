package dev.wren.model.learn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.model.data.Sample;
import dev.wren.model.offline.OfflineLayout;
import dev.wren.model.offline.ParquetRows;
import dev.wren.model.offline.RawRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads fresh samples into a model's layout through {@link OfflineLayout#decode(RawRow)}, the offline samples' own
 * decoding (vocabularies, bucket boundaries, imputed means of the bundle's manifest): JSON-lines part files as the
 * stream job commits them, or the offline pipeline's Parquet samples (to replay them). A bad row is reported with its
 * file and line to the {@code onBad} callback, counted and skipped. Not thread-safe (it counts).
 */
public final class FreshSamples {
    private static final Logger log = LoggerFactory.getLogger(FreshSamples.class);
    /** Bad rows logged one by one; after that only counted (the callback still sees every one). */
    private static final int LOGGED_BAD_ROWS = 20;

    private final OfflineLayout layout;
    private final Optional<ItemFeatureTable> items;
    private final Consumer<BadSample> onBad;
    private final JsonSampleRow.Schema schema;
    private final ObjectMapper json = new ObjectMapper();
    private long badRows;
    private long goodRows;

    public FreshSamples(OfflineLayout layout, Optional<ItemFeatureTable> items, Consumer<BadSample> onBad) {
        this.layout = layout;
        this.items = items;
        this.onBad = onBad;
        this.schema = new JsonSampleRow.Schema(layout);
    }

    /**
     * The committed sample files under a folder, recursively, in path order: {@code *.parquet} files, or JSON-lines
     * part files. Hidden ({@code .}) and underscore files are left out: Flink's file sink keeps a part file hidden
     * ({@code .part-*.inprogress}) until its checkpoint commits it, and Spark writes {@code _SUCCESS}.
     */
    public static List<Path> committedFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no fresh-samples folder " + folder);
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return !name.startsWith(".")
                                && !name.startsWith("_")
                                && !name.endsWith(".crc")
                                && !name.endsWith(".inprogress");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** The rows of one file, in file order: Parquet when the name ends in {@code .parquet}, else JSON lines. */
    public List<TimedSample> read(Path file) {
        return file.getFileName().toString().endsWith(".parquet") ? readParquet(file) : readJsonLines(file);
    }

    /** The rows of several files sorted by event time (stable: ties keep file order). */
    public List<TimedSample> readInTimeOrder(List<Path> files) {
        List<TimedSample> out = new ArrayList<>();
        for (Path f : files) {
            out.addAll(read(f));
        }
        out.sort(Comparator.comparingLong(TimedSample::ts));
        return out;
    }

    /** One JSON-lines file; blank lines are skipped. */
    public List<TimedSample> readJsonLines(Path file) {
        List<TimedSample> out = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = json.readTree(line);
                    JsonSampleRow row = JsonSampleRow.of(node, schema, items);
                    Sample sample = layout.decode(row);
                    out.add(new TimedSample(row.ts(), row.userId(), row.itemId(), sample));
                    goodRows++;
                } catch (JsonProcessingException e) {
                    bad(new BadSample(file, number, "not valid JSON: " + e.getOriginalMessage()));
                } catch (IllegalArgumentException e) {
                    bad(new BadSample(file, number, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    /** One Parquet file in the offline samples' schema. */
    public List<TimedSample> readParquet(Path file) {
        return readParquet(file, Long.MAX_VALUE);
    }

    /** The first {@code limit} rows of a Parquet file in the offline samples' schema, in the file's order. */
    public List<TimedSample> readParquet(Path file, long limit) {
        List<TimedSample> out = new ArrayList<>();
        int user = layout.columnIndex(OfflineLayout.USER_ID).orElseThrow();
        int item = layout.columnIndex(OfflineLayout.ITEM_ID).orElseThrow();
        try (Stream<Group> rows = new ParquetRows(List.of(file), layout.columns()).stream()) {
            long number = 0;
            for (Iterator<Group> it = rows.iterator(); it.hasNext() && number < limit; ) {
                number++;
                RawRow row = RawRow.of(it.next());
                try {
                    Sample sample = layout.decode(row);
                    out.add(new TimedSample(
                            layout.time(row),
                            row.number(user).longValue(),
                            row.present(item) ? row.number(item).longValue() : 0,
                            sample));
                    goodRows++;
                } catch (IllegalArgumentException e) {
                    bad(new BadSample(file, number, e.getMessage()));
                }
            }
        }
        return out;
    }

    private void bad(BadSample bad) {
        badRows++;
        if (badRows <= LOGGED_BAD_ROWS) {
            log.warn("skipped a bad fresh sample: {}", bad);
        } else if (badRows == LOGGED_BAD_ROWS + 1) {
            log.warn("more bad fresh samples: counting them without logging each");
        }
        onBad.accept(bad);
    }

    /** Rows refused so far. */
    public long badRows() {
        return badRows;
    }

    /** Rows read so far. */
    public long goodRows() {
        return goodRows;
    }
}
