package dev.wren.model.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes a small offline output folder without Spark: a {@code manifest.json} and {@code samples/time/{train,test}}
 * Parquet files in the offline pipeline's schema (Spark's three-level lists, nullable columns), with a planted
 * signal: a user likes the genre {@code userId % genres}, and an item's first genre is {@code itemId % genres}. For
 * tests, demos and trainer benchmarks at sizes the Spark pipeline would take long to produce. Stateless; seeded.
 */
public final class SyntheticOfflineSamples {
    public static final List<String> GENRES = List.of("Action", "Comedy", "Drama", "Horror", "Romance");
    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType(
            """
            message spark_schema {
              optional int32 itemId;
              optional int32 userId;
              optional int64 ts;
              optional int32 label;
              optional binary genre1 (STRING);
              optional binary genre2 (STRING);
              optional group userTopGenres (LIST) { repeated group list { optional binary element (STRING); } }
              optional group userRecentPositives (LIST) { repeated group list { optional int32 element; } }
              optional int32 releaseYear;
              optional int64 userRatingCount;
              optional double userRatingAvg;
              optional int64 itemRatingCount;
            }
            """);

    private SyntheticOfflineSamples() {}

    /**
     * @param trainRows training rows (written as two files)
     * @param testRows test rows, all later in time than every training row
     * @param rowGroupBytes Parquet row group size; small values give many row groups
     */
    public static void write(
            Path dir, int users, int items, int trainRows, int testRows, long seed, int rowGroupBytes) {
        Random random = new Random(seed);
        Path split = dir.resolve("samples").resolve("time");
        int half = trainRows / 2;
        writeFile(split.resolve("train").resolve("part-00000.parquet"), users, items, half, 0, random, rowGroupBytes);
        writeFile(
                split.resolve("train").resolve("part-00001.parquet"),
                users,
                items,
                trainRows - half,
                half,
                random,
                rowGroupBytes);
        writeFile(
                split.resolve("test").resolve("part-00000.parquet"),
                users,
                items,
                testRows,
                trainRows,
                random,
                rowGroupBytes);
        writeManifest(dir);
    }

    private static void writeFile(
            Path file, int users, int items, int rows, long firstTime, Random random, int rowGroupBytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(
                            new org.apache.hadoop.fs.Path(file.toAbsolutePath().toUri()))
                    .withConf(new Configuration())
                    .withType(SCHEMA)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withRowGroupSize(rowGroupBytes)
                    .build()) {
                for (int r = 0; r < rows; r++) {
                    writer.write(row(groups, users, items, firstTime + r, random));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Group row(SimpleGroupFactory groups, int users, int items, long time, Random random) {
        int user = 1 + random.nextInt(users);
        int item = 1 + random.nextInt(items);
        int taste = user % GENRES.size();
        int genre = item % GENRES.size();
        boolean liked = random.nextDouble() < (taste == genre ? 0.85 : 0.25);
        Group g = groups.newGroup();
        g.add("itemId", item);
        g.add("userId", user);
        g.add("ts", time);
        g.add("label", liked ? 1 : 0);
        g.add("genre1", GENRES.get(genre));
        if (random.nextBoolean()) {
            g.add("genre2", GENRES.get((genre + 1) % GENRES.size()));
        }
        Group top = g.addGroup("userTopGenres");
        top.addGroup("list").add("element", GENRES.get(taste));
        Group recent = g.addGroup("userRecentPositives");
        for (int k = 0; k < 1 + random.nextInt(3); k++) {
            int similar = (1 + random.nextInt(Math.max(1, items / GENRES.size() - 1))) * GENRES.size() + taste;
            recent.addGroup("list").add("element", Math.min(similar, items));
        }
        g.add("releaseYear", 1980 + item % 40);
        if (random.nextInt(10) > 0) {
            g.add("userRatingCount", (long) random.nextInt(50));
            g.add("userRatingAvg", 2.5 + 2 * random.nextDouble());
        }
        g.add("itemRatingCount", (long) random.nextInt(200));
        return g;
    }

    private static void writeManifest(Path dir) {
        Map<String, Object> transforms = new LinkedHashMap<>();
        transforms.put("imputedMeans", Map.of());
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("genre1", GENRES);
        labels.put("genre2", GENRES.subList(1, GENRES.size()));
        transforms.put("stringIndexerLabels", labels);
        Map<String, Object> buckets = new LinkedHashMap<>();
        buckets.put("userRatingCount", List.of("-Infinity", 5.0, 20.0, "+Infinity"));
        buckets.put("itemRatingCount", List.of("-Infinity", 10.0, 50.0, 100.0, "+Infinity"));
        transforms.put("bucketBoundaries", buckets);
        Map<String, Object> means = new LinkedHashMap<>();
        means.put("releaseYear", 2000.0);
        means.put("userRatingCount", 25.0);
        means.put("userRatingAvg", 3.5);
        means.put("itemRatingCount", 100.0);
        transforms.put("imputedMeans", means);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "wren-offline-manifest/1");
        manifest.put("parameters", Map.of("users", Map.of("recentPositives", 3, "topGenres", 2)));
        manifest.put("genreVocabulary", new ArrayList<>(GENRES));
        manifest.put("transforms", Map.of("time", transforms));
        try {
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(dir.resolve(OfflineManifest.FILE).toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(OfflineManifest.FILE), e);
        }
    }
}
