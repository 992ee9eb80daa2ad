package dev.wren.data.movielens;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Runs a {@link RowHandler} over every row of one file: skips blank lines and a header, catches a handler's
 * {@link Fields.BadFieldException} as a bad row with its line number, and reports progress.
 */
final class RowLoop {
    private static final long PROGRESS_EVERY = 8L << 20;

    private RowLoop() {}

    /** Handles one split row; throws {@link Fields.BadFieldException} with the reason when the row is bad. */
    @FunctionalInterface
    interface RowHandler {
        void row(Fields fields, int count);
    }

    /**
     * @param header whether the first line may be a header; it is skipped when it does not start with a digit
     */
    static void run(Path file, Fields fields, boolean header, BadRows rows, ProgressListener progress, RowHandler h) {
        String name = file.getFileName().toString();
        long total;
        try {
            total = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        try (InputStream in = Files.newInputStream(file);
                ByteLines lines = new ByteLines(in)) {
            long nextProgress = PROGRESS_EVERY;
            int len;
            while ((len = lines.next()) >= 0) {
                if (len == 0) {
                    continue;
                }
                byte[] buf = lines.buffer();
                int start = lines.start();
                if (header && lines.lineNumber() == 1 && (buf[start] < '0' || buf[start] > '9')) {
                    continue;
                }
                int count = fields.split(buf, start, len);
                try {
                    h.row(fields, count);
                    rows.good();
                } catch (Fields.BadFieldException e) {
                    rows.bad(lines.lineNumber(), e.getMessage());
                }
                if (lines.bytesRead() >= nextProgress) {
                    progress.onProgress(name, lines.bytesRead(), total);
                    nextProgress = lines.bytesRead() + PROGRESS_EVERY;
                }
            }
            progress.onProgress(name, total, total);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Like {@link #run} for a small UTF-8 CSV file (movies, links, tags), parsed by one commons-csv parser for the
     * whole file, so quoted fields cost nothing extra. Malformed quoting ends the file: it is reported as a bad row.
     */
    static void runCsv(Path file, Fields fields, BadRows rows, ProgressListener progress, RowHandler h) {
        String name = file.getFileName().toString();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long total = Files.size(file);
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            CSVParser parser = CSVFormat.DEFAULT.parse(reader);
            Iterator<CSVRecord> records = parser.iterator();
            long nextProgress = PROGRESS_EVERY;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    rows.bad(
                            parser.getCurrentLineNumber(),
                            "malformed CSV (" + e.getMessage() + "); the rest of the file is skipped");
                    break;
                }
                long line = parser.getCurrentLineNumber();
                String first = record.get(0);
                if (line == 1 && (first.isEmpty() || first.charAt(0) < '0' || first.charAt(0) > '9')) {
                    continue;
                }
                int count = fields.load(record);
                try {
                    h.row(fields, count);
                    rows.good();
                } catch (Fields.BadFieldException e) {
                    rows.bad(line, e.getMessage());
                }
                if (record.getCharacterPosition() >= nextProgress) {
                    progress.onProgress(name, record.getCharacterPosition(), total);
                    nextProgress = record.getCharacterPosition() + PROGRESS_EVERY;
                }
            }
            progress.onProgress(name, total, total);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static Fields.BadFieldException bad(String reason) {
        return new Fields.BadFieldException(reason);
    }

    static void expectFields(int count, int expected, String columns) {
        if (count != expected) {
            throw bad("expected " + expected + " fields (" + columns + "), found " + count);
        }
    }
}
