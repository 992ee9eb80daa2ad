package dev.wren.eval.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentBenchmarkTest {
    @Test
    void usersFor80PercentPowerAreInterpolatedInLogUsers() {
        Map<Integer, Double> power = new LinkedHashMap<>();
        power.put(50, 0.2);
        power.put(100, 0.5);
        power.put(200, 0.9);
        // 0.8 is three quarters of the way from 0.5 to 0.9: 100 x 2^0.75
        assertThat(ExperimentBenchmark.usersFor80(power)).isCloseTo(100 * Math.pow(2, 0.75), within(1e-9));
        assertThat(ExperimentBenchmark.usersFor80(Map.of(10, 0.95))).isEqualTo(10.0);
        assertThat(ExperimentBenchmark.usersFor80(Map.of(10, 0.5))).isNaN();
    }
}
