package dev.wren.stream.events;

import dev.wren.stream.users.BaseHistory;
import java.nio.file.Path;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns log lines into user events and exposures (one per item shown): bad lines and records of a newer format are skipped with
 * a warning that names the file and line, and events of items outside the catalogue are skipped as serving's own replay
 * skips them. Counts each in a metric.
 */
public final class ParseEvents extends RichFlatMapFunction<LogLine, LogEvent> {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(ParseEvents.class);
    /** Lines warned about one by one; after that, every 1000th, so that a broken file cannot flood the log. */
    private static final long WARN_EACH = 20;

    private final String dataDir;
    private transient EventLogParser parser;
    private transient Set<Integer> items;
    private transient Counter bad;
    private transient Counter unknownItems;
    private transient Counter newer;

    public ParseEvents(String dataDir) {
        this.dataDir = dataDir;
    }

    @Override
    public void open(OpenContext context) {
        parser = new EventLogParser();
        items = BaseHistory.itemIds(Path.of(dataDir));
        var metrics = getRuntimeContext().getMetricGroup();
        bad = metrics.counter("badLines");
        unknownItems = metrics.counter("unknownItemEvents");
        newer = metrics.counter("newerFormatRecords");
    }

    @Override
    public void flatMap(LogLine line, Collector<LogEvent> out) {
        EventLogParser.Result result = parser.parse(line);
        if (result instanceof EventLogParser.Parsed p) {
            for (LogEvent e : p.events()) {
                if (items.contains(e.itemId())) {
                    out.collect(e);
                } else {
                    unknownItems.inc();
                    warn(unknownItems, line, "item " + e.itemId() + " is not in the catalogue " + dataDir);
                }
            }
        } else if (result instanceof EventLogParser.Bad b) {
            bad.inc();
            warn(bad, line, b.reason());
        } else if (result instanceof EventLogParser.Newer n) {
            newer.inc();
            warn(
                    newer,
                    line,
                    "schemaVersion " + n.version() + " is newer than this reader's " + EventLogParser.SCHEMA_VERSION);
        }
    }

    private void warn(Counter counter, LogLine line, String reason) {
        long count = counter.getCount();
        if (count <= WARN_EACH || count % 1000 == 0) {
            log.warn("{}: skipped: {} ({} such records so far)", line.where(), reason, count);
        }
    }
}
