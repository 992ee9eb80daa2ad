package dev.wren.data.movielens;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits one line held in a byte buffer into fields and parses numbers straight from the bytes, without a String or a
 * regex per field. The separator is one byte ({@code ,}, tab, {@code |}) or {@code ::}. A comma-separated line that
 * holds a double quote is handed to commons-csv instead, so quoted fields stay correct on the fast path. Not
 * thread-safe; one instance is reused for every line of a file.
 */
final class Fields {
    private final byte separator;
    private final boolean doubleColon;
    private final boolean quotes;
    private final Charset charset;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private byte[] buf;
    private int count;
    private byte[] unquoted = new byte[256];
    private String malformed;

    private Fields(byte separator, boolean doubleColon, boolean quotes, Charset charset) {
        this.separator = separator;
        this.doubleColon = doubleColon;
        this.quotes = quotes;
        this.charset = charset;
    }

    /** Comma-separated values with RFC 4180 quotes, UTF-8. */
    static Fields csv() {
        return new Fields((byte) ',', false, true, StandardCharsets.UTF_8);
    }

    /** Fields separated by one byte, no quoting. */
    static Fields separatedBy(char separator, Charset charset) {
        return new Fields((byte) separator, false, false, charset);
    }

    /** Fields separated by {@code ::}, as in ml-1m and ml-10m. */
    static Fields doubleColon(Charset charset) {
        return new Fields((byte) ':', true, false, charset);
    }

    /** Splits the line and returns the number of fields. */
    int split(byte[] line, int len) {
        return split(line, 0, len);
    }

    /** Splits {@code len} bytes from {@code from} and returns the number of fields. */
    int split(byte[] line, int from, int len) {
        buf = line;
        count = 0;
        malformed = null;
        int start = from;
        int stop = from + len;
        for (int i = from; i < stop; i++) {
            byte b = line[i];
            if (b == separator) {
                if (!doubleColon) {
                    add(start, i);
                    start = i + 1;
                } else if (i + 1 < stop && line[i + 1] == ':') {
                    add(start, i);
                    start = i + 2;
                    i++;
                }
            } else if (b == '"' && quotes) {
                return splitQuoted(line, from, len);
            }
        }
        add(start, stop);
        return count;
    }

    private int splitQuoted(byte[] line, int from, int len) {
        String text = new String(line, from, len, charset);
        CSVRecord record;
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.DEFAULT)) {
            record = parser.getRecords().get(0);
        } catch (IOException | RuntimeException e) {
            // An unbalanced quote: this line is bad, and the next line is read afresh (a quote never spans lines in
            // MovieLens), so one stray quote cannot swallow the rest of the file.
            buf = line;
            count = 0;
            add(from, from + len);
            malformed = "malformed CSV quoting (a quote is not closed on its line)";
            return count;
        }
        return load(record);
    }

    /** Takes the fields of a record that commons-csv has already parsed; returns the number of fields. */
    int load(CSVRecord record) {
        byte[][] parts = new byte[record.size()][];
        int total = 0;
        for (int i = 0; i < parts.length; i++) {
            parts[i] = record.get(i).getBytes(charset);
            total += parts[i].length;
        }
        if (unquoted.length < total) {
            unquoted = new byte[total];
        }
        buf = unquoted;
        count = 0;
        int pos = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, unquoted, pos, part.length);
            add(pos, pos + part.length);
            pos += part.length;
        }
        return count;
    }

    private void add(int start, int end) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    int count() {
        return count;
    }

    /** Why the last split line cannot be read as CSV at all, or null when it could. */
    String malformed() {
        return malformed;
    }

    String string(int field) {
        return new String(buf, starts[field], ends[field] - starts[field], charset);
    }

    boolean isEmpty(int field) {
        return ends[field] == starts[field];
    }

    /** Parses a non-negative decimal integer, or throws {@link BadFieldException} naming the field. */
    int parseInt(int field, String name) {
        long v = parseLong(field, name);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new BadFieldException(name + " '" + string(field) + "' is out of range");
        }
        return (int) v;
    }

    /** Parses an id: a decimal integer that is not negative, or throws {@link BadFieldException} naming the field. */
    int parseId(int field, String name) {
        int v = parseInt(field, name);
        if (v < 0) {
            throw new BadFieldException(name + " '" + string(field) + "' is negative");
        }
        return v;
    }

    /** Parses a time in seconds since the epoch, which is not negative. */
    long parseTimestamp(int field, String name) {
        long v = parseLong(field, name);
        if (v < 0) {
            throw new BadFieldException(name + " '" + string(field) + "' is negative");
        }
        return v;
    }

    /** Parses a decimal integer with an optional minus sign, or throws {@link BadFieldException} naming the field. */
    long parseLong(int field, String name) {
        int i = starts[field];
        int end = ends[field];
        boolean negative = i < end && buf[i] == '-';
        if (negative) {
            i++;
        }
        if (i == end || end - i > 18) {
            throw notANumber(field, name);
        }
        long v = 0;
        for (; i < end; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                throw notANumber(field, name);
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    /**
     * Parses a decimal such as {@code 4}, {@code 3.5} or {@code 4.0}; anything else (exponents, signs) goes through
     * {@link Float#parseFloat}.
     */
    float parseFloat(int field, String name) {
        int i = starts[field];
        int end = ends[field];
        long mantissa = 0;
        int decimals = -1;
        int digits = 0;
        for (; i < end; i++) {
            byte b = buf[i];
            if (b >= '0' && b <= '9') {
                mantissa = mantissa * 10 + (b - '0');
                digits++;
                if (decimals >= 0) {
                    decimals++;
                }
            } else if (b == '.' && decimals < 0) {
                decimals = 0;
            } else {
                return slowFloat(field, name);
            }
        }
        if (digits == 0 || digits > 15) {
            return slowFloat(field, name);
        }
        double v = mantissa;
        for (int d = decimals; d > 0; d--) {
            v /= 10;
        }
        return (float) v;
    }

    private float slowFloat(int field, String name) {
        String text = string(field).strip();
        try {
            float v = Float.parseFloat(text);
            if (!Float.isFinite(v)
                    || text.endsWith("f")
                    || text.endsWith("d")
                    || text.endsWith("F")
                    || text.endsWith("D")) {
                throw notANumber(field, name);
            }
            return v;
        } catch (NumberFormatException e) {
            throw notANumber(field, name);
        }
    }

    private BadFieldException notANumber(int field, String name) {
        return new BadFieldException(name + " '" + string(field) + "' is not a number");
    }

    /** A field that does not parse; the reader turns it into a bad-row report with file and line. */
    static final class BadFieldException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadFieldException(String reason) {
            super(reason, null, false, false);
        }
    }
}
