package dev.wren.data.movielens;

import java.util.Objects;

/**
 * A row of a MovieLens file that cannot be read, raised in strict mode. The message is the user-facing sentence, e.g.
 * {@code ratings.csv line 17: rating 7.0 is outside 0.5..5}.
 */
public final class BadRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String reason;

    public BadRecordException(String file, long line, String reason) {
        super(message(file, line, reason));
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    static String message(String file, long line, String reason) {
        return file + " line " + line + ": " + reason;
    }

    /** The file name, e.g. {@code ratings.csv}. */
    public String file() {
        return file;
    }

    /** The 1-based line number. */
    public long line() {
        return line;
    }

    /** What is wrong with the row, without file and line. */
    public String reason() {
        return reason;
    }
}
