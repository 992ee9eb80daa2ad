package dev.wren.eval.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributionTest {
    private static final long MIN = 60_000;

    @Test
    void creditsTheLatestExposureThatShowedTheItemWithinTheWindow() {
        ExposureRecord early = ExposureRecord.ab(1, 0, "e", "a", List.of(10, 11));
        ExposureRecord later = ExposureRecord.ab(1, 10 * MIN, "e", "a", List.of(11, 12));
        ExposureRecord other = ExposureRecord.ab(2, 0, "e", "b", List.of(10));
        List<EventRecord> events = List.of(
                new EventRecord(1, 12 * MIN, "click", 11, 1, 0), // both showed 11: the later one
                new EventRecord(1, 13 * MIN, "click", 10, 1, 0), // only the early one showed 10, 13 min before
                new EventRecord(1, 45 * MIN, "rating", 12, 4, 0), // 35 min after: outside the window
                new EventRecord(2, 5 * MIN, "rating", 10, 3.5, 0),
                new EventRecord(3, 5 * MIN, "click", 10, 1, 0)); // a user with no exposure
        List<AttributedExposure> joined =
                Attribution.join(ExperimentLog.of(List.of(early, later, other), events), Duration.ofMinutes(30));
        AttributedExposure e =
                joined.stream().filter(a -> a.exposure() == early).findFirst().orElseThrow();
        AttributedExposure l =
                joined.stream().filter(a -> a.exposure() == later).findFirst().orElseThrow();
        AttributedExposure o =
                joined.stream().filter(a -> a.exposure() == other).findFirst().orElseThrow();
        assertThat(e.clicked()).containsExactly(10);
        assertThat(l.clicked()).containsExactly(11);
        assertThat(l.ratings()).isEmpty();
        assertThat(o.ratings()).containsEntry(10, 3.5);
    }
}
