package dev.wren.data.movielens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Collects the {@link FileReport} of each file a reader has read; a file read again replaces its report. */
final class Reports {
    private static final Logger log = LoggerFactory.getLogger(Reports.class);

    private final Map<String, FileReport> files = new LinkedHashMap<>();

    synchronized BadRows start(String file, boolean strict) {
        return new BadRows(file, strict);
    }

    synchronized void finish(BadRows rows) {
        FileReport report = rows.toReport();
        files.put(report.file(), report);
        if (report.badRows() > 0) {
            log.warn(
                    "{}: skipped {} bad rows of {}; first: {}",
                    report.file(),
                    report.badRows(),
                    report.badRows() + report.rowsRead(),
                    report.firstMessages().get(0));
        }
    }

    synchronized ReadReport snapshot() {
        return new ReadReport(new ArrayList<>(files.values()));
    }
}
