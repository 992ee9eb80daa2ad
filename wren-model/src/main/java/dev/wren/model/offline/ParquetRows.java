package dev.wren.model.offline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Rows of a Parquet dataset folder (Spark's {@code part-*.parquet} files), read one row group at a time and only the
 * requested columns. Thread-safe: each call opens its own readers.
 */
public final class ParquetRows {
    private final List<Path> files;
    private final List<String> columns;

    /**
     * @param files the Parquet files, read in this order
     * @param columns top-level columns to read; a column missing from a file fails with the file's name
     */
    public ParquetRows(List<Path> files, List<String> columns) {
        this.files = List.copyOf(files);
        this.columns = List.copyOf(columns);
    }

    /** The {@code *.parquet} files of a folder written by Spark, in name order; an error if there are none. */
    public static List<Path> filesOf(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no samples folder " + folder);
        }
        try (Stream<Path> children = Files.list(folder)) {
            List<Path> parquet = children.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(".parquet") && !name.startsWith(".") && !name.startsWith("_");
                    })
                    .sorted()
                    .toList();
            if (parquet.isEmpty()) {
                throw new IllegalArgumentException("no .parquet files in " + folder);
            }
            return parquet;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** The top-level column names of a Parquet file, from its footer. */
    public static List<String> columnsOf(Path file) {
        try (ParquetFileReader reader = open(file)) {
            return reader.getFileMetaData().getSchema().getFields().stream()
                    .map(Type::getName)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the footer of " + file, e);
        }
    }

    /** Total rows, from the file footers (no data is read). */
    public long count() {
        long n = 0;
        for (Path file : files) {
            try (ParquetFileReader reader = open(file)) {
                n += reader.getRecordCount();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the footer of " + file, e);
            }
        }
        return n;
    }

    /** Largest value of an integer column over all files, from footer statistics where present. */
    public long max(String column) {
        long max = Long.MIN_VALUE;
        boolean scanNeeded = false;
        for (Path file : files) {
            try (ParquetFileReader reader = open(file)) {
                for (BlockMetaData block : reader.getFooter().getBlocks()) {
                    var chunk = block.getColumns().stream()
                            .filter(c -> c.getPath().toDotString().equals(column))
                            .findFirst()
                            .orElseThrow(() -> new IllegalArgumentException(file + " has no column '" + column + "'"));
                    var stats = chunk.getStatistics();
                    if (stats == null || !stats.hasNonNullValue()) {
                        scanNeeded |= block.getRowCount() > 0 && (stats == null || stats.isEmpty());
                        continue;
                    }
                    max = Math.max(max, ((Number) stats.genericGetMax()).longValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the footer of " + file, e);
            }
        }
        if (scanNeeded) {
            try (Stream<Group> rows = new ParquetRows(files, List.of(column)).stream()) {
                for (Iterator<Group> it = rows.iterator(); it.hasNext(); ) {
                    Group g = it.next();
                    if (g.getFieldRepetitionCount(0) > 0) {
                        max = Math.max(max, Columns.number(g, 0).longValue());
                    }
                }
            }
        }
        return max;
    }

    /** A lazy pass over all rows; close the stream to close the current file. */
    public Stream<Group> stream() {
        RowIterator rows = new RowIterator();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false)
                .onClose(rows::close);
    }

    private static ParquetFileReader open(Path file) throws IOException {
        return ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toAbsolutePath().toUri()), new Configuration()));
    }

    private MessageType projection(Path file, MessageType schema) {
        List<Type> fields = new ArrayList<>();
        for (String c : columns) {
            if (!schema.containsField(c)) {
                throw new IllegalArgumentException(file + " has no column '" + c + "'; it has "
                        + schema.getFields().stream().map(Type::getName).toList());
            }
            fields.add(schema.getType(c));
        }
        return new MessageType(schema.getName(), fields);
    }

    /** Walks files, then row groups, then rows; holds one row group's pages at a time. */
    private final class RowIterator implements Iterator<Group> {
        private int nextFile;
        private ParquetFileReader reader;
        private Path file;
        private MessageType projection;
        private RecordReader<Group> records;
        private long remaining;

        @Override
        public boolean hasNext() {
            while (remaining == 0) {
                if (!advance()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Group next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            remaining--;
            return records.read();
        }

        private boolean advance() {
            try {
                if (reader != null) {
                    PageReadStore pages = reader.readNextRowGroup();
                    if (pages != null) {
                        records = new ColumnIOFactory()
                                .getColumnIO(
                                        projection, reader.getFileMetaData().getSchema())
                                .getRecordReader(pages, new GroupRecordConverter(projection));
                        remaining = pages.getRowCount();
                        return true;
                    }
                    reader.close();
                    reader = null;
                }
                if (nextFile >= files.size()) {
                    return false;
                }
                file = files.get(nextFile++);
                reader = open(file);
                projection = projection(file, reader.getFileMetaData().getSchema());
                reader.setRequestedSchema(projection);
                return true;
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        void close() {
            if (reader != null) {
                try {
                    reader.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot close " + file, e);
                } finally {
                    reader = null;
                }
            }
        }
    }
}
