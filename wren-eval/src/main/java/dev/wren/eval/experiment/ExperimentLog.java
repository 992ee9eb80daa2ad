package dev.wren.eval.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What was read from the serving logs, in time order ({@code loggedAt}).
 *
 * @param exposures every exposure read
 * @param events every event read
 * @param badLines lines skipped because they could not be read (at most {@link #MAX_BAD_LINES} kept)
 * @param badLineCount how many lines were skipped as bad
 * @param newerVersionCount records skipped because their schemaVersion is newer than 1
 */
public record ExperimentLog(
        List<ExposureRecord> exposures,
        List<EventRecord> events,
        List<BadLine> badLines,
        long badLineCount,
        long newerVersionCount) {
    public static final int MAX_BAD_LINES = 100;

    public ExperimentLog {
        List<ExposureRecord> x = new ArrayList<>(exposures);
        x.sort(Comparator.comparingLong(ExposureRecord::loggedAt));
        exposures = List.copyOf(x);
        List<EventRecord> e = new ArrayList<>(events);
        e.sort(Comparator.comparingLong(EventRecord::loggedAt));
        events = List.copyOf(e);
        badLines = List.copyOf(badLines);
    }

    public static ExperimentLog of(List<ExposureRecord> exposures, List<EventRecord> events) {
        return new ExperimentLog(exposures, events, List.of(), 0, 0);
    }
}
