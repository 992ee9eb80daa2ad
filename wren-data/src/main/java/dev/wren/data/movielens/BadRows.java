package dev.wren.data.movielens;

import java.util.ArrayList;
import java.util.List;

/** Counts the rows of one file and its bad rows, keeping the first messages; throws at once in strict mode. */
final class BadRows {
    private final String file;
    private final boolean strict;
    private final List<String> messages = new ArrayList<>();
    private long rows;
    private long bad;

    BadRows(String file, boolean strict) {
        this.file = file;
        this.strict = strict;
    }

    void good() {
        rows++;
    }

    void bad(long line, String reason) {
        if (strict) {
            throw new BadRecordException(file, line, reason);
        }
        bad++;
        if (messages.size() < FileReport.MAX_MESSAGES) {
            messages.add(BadRecordException.message(file, line, reason));
        }
    }

    long goodRows() {
        return rows;
    }

    long badRows() {
        return bad;
    }

    FileReport toReport() {
        return new FileReport(file, rows, bad, messages);
    }
}
