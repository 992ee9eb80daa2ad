package dev.wren.offline.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.StructField;

/**
 * The run's {@code manifest.json}: what was read (input hash), with which parameters, what was written (path, schema,
 * row count of every Parquet output) and what was fitted (vocabularies, bucket boundaries, scales). Serving reads the
 * fitted part to apply exactly the transforms training saw. Not thread-safe: the pipeline's driver thread fills it
 * ({@link #writeParquetUnrecorded} alone may run on other threads).
 */
public final class Manifest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;
    private final Map<String, Object> content = new LinkedHashMap<>();
    private final Map<String, Object> outputs = new LinkedHashMap<>();

    public Manifest(Path root) {
        this.root = root;
        content.put("format", "wren-offline-manifest/1");
        content.put("outputs", outputs);
    }

    public void put(String key, Object value) {
        content.put(key, value);
    }

    public Object get(String key) {
        return content.get(key);
    }

    /** A Parquet output as the manifest lists it. */
    public record ParquetOutput(String path, long rows, Map<String, String> schema) {}

    /** Writes {@code data} as Parquet under {@code name} (overwriting) and records its schema and row count. */
    public long writeParquet(String name, Dataset<Row> data) {
        ParquetOutput output = writeParquetUnrecorded(name, data);
        record(output);
        return output.rows();
    }

    /**
     * Writes {@code data} as Parquet under {@code name} (overwriting) without recording it: safe from any thread, while
     * the thread that fills the manifest {@link #record records} the result.
     */
    public ParquetOutput writeParquetUnrecorded(String name, Dataset<Row> data) {
        Path path = root.resolve(name);
        // No dictionary encoding: on the samples' vectors and arrays (mostly distinct doubles) it cost about a third of
        // the write for nothing, and Snappy still compresses the repeated values.
        data.write()
                .mode(SaveMode.Overwrite)
                .option("parquet.enable.dictionary", "false")
                .parquet(path.toString());
        Dataset<Row> written = data.sparkSession().read().parquet(path.toString());
        Map<String, String> schema = new LinkedHashMap<>();
        for (StructField f : written.schema().fields()) {
            schema.put(f.name(), f.dataType().simpleString());
        }
        return new ParquetOutput(name, written.count(), schema);
    }

    /** Lists an output written with {@link #writeParquetUnrecorded}. */
    public void record(ParquetOutput output) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("path", output.path());
        entry.put("rows", output.rows());
        entry.put("schema", output.schema());
        outputs.put(output.path(), entry);
    }

    /** Writes a JSON document beside the outputs (metrics people compare) and records it. */
    public void writeJson(String name, Object document) {
        try {
            Files.createDirectories(root.resolve(name).getParent());
            JSON.writeValue(root.resolve(name).toFile(), document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + root.resolve(name), e);
        }
        outputs.put(name, Map.of("path", name));
    }

    /** Row counts of every Parquet output so far. */
    public Map<String, Long> rowCounts() {
        Map<String, Long> out = new LinkedHashMap<>();
        outputs.forEach((name, entry) -> {
            if (entry instanceof Map<?, ?> m && m.get("rows") instanceof Long rows) {
                out.put(name, rows);
            }
        });
        return out;
    }

    /** Writes {@code manifest.json}. */
    public Path write() {
        Path file = root.resolve("manifest.json");
        try {
            Files.createDirectories(root);
            JSON.writeValue(file.toFile(), content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** SHA-256 over each input file's name and bytes, in the given order. */
    public static String inputHash(List<Path> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (Path f : files) {
                digest.update(f.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(f)) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash the input", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
