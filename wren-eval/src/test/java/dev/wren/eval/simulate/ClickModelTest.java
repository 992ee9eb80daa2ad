package dev.wren.eval.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.data.synthetic.HiddenTastes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClickModelTest {
    // One user, two movies with no affinity: each is clicked with probability sigmoid(0) = 1/2 when examined.
    private static final HiddenTastes TRUTH = new HiddenTastes(
            2,
            3.0,
            Map.of(1, new float[] {1, 0}),
            Map.of(1, new float[] {0, 0}),
            Map.of(1, 0f),
            Map.of(10, new float[] {0, 1}, 11, new float[] {0, -1}),
            Map.of(10, 0f, 11, 0f),
            Map.of(10, 1.0, 11, 1.0),
            Map.of(),
            new ObjectMapper().createObjectNode());

    @Test
    void aSatisfiedUserLeavesTheListAndTheExpectationCountsIt() {
        ClickModel independent = new ClickModel(0, 1, 0, 0, 0, 0);
        ClickModel cascade = independent.withSatisfaction(0.5);
        assertThat(independent.expectedClicks(TRUTH, 1, List.of(10, 11))).isCloseTo(1.0, within(1e-12));
        // 1/2 + (1 - 1/2 x 1/2) x 1/2
        assertThat(cascade.expectedClicks(TRUTH, 1, List.of(10, 11))).isCloseTo(0.875, within(1e-12));

        Simulator simulator = new Simulator(TRUTH, cascade, new Simulator.Settings(0, 1000, 1, 0, 0));
        ListPolicy both = (user, random) -> Served.plain(List.of(10, 11));
        int visits = 40_000;
        long clicks = 0;
        for (int i = 0; i < visits; i++) {
            clicks += simulator
                    .visit(1, i, "e", "a", both, 0, 7, null, null, null)
                    .clicks();
        }
        // The standard error of the mean is about 0.6 / sqrt(40,000) = 0.003.
        assertThat((double) clicks / visits).isCloseTo(0.875, within(0.012));
    }
}
