package dev.wren.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wren.core.store.FeatureValue;
import dev.wren.core.store.Features;
import java.util.Map;

/** Compares feature rows: every name present on both sides, numbers and vector entries within a tolerance. */
final class FeatureAssertions {
    private FeatureAssertions() {}

    static void assertSameRow(String what, Features actual, Features expected, double tolerance) {
        assertThat(actual.values().keySet())
                .as(what + ": feature names")
                .isEqualTo(expected.values().keySet());
        for (Map.Entry<String, FeatureValue> e : expected.values().entrySet()) {
            String name = what + " " + e.getKey();
            FeatureValue a = actual.values().get(e.getKey());
            if (e.getValue() instanceof FeatureValue.Num n) {
                assertThat(((FeatureValue.Num) a).value()).as(name).isCloseTo(n.value(), within(tolerance));
            } else if (e.getValue() instanceof FeatureValue.Vector v) {
                float[] got = ((FeatureValue.Vector) a).values();
                assertThat(got).as(name).hasSameSizeAs(v.values());
                for (int i = 0; i < got.length; i++) {
                    assertThat((double) got[i]).as(name + "[" + i + "]").isCloseTo(v.values()[i], within(tolerance));
                }
            } else {
                assertThat(a).as(name).isEqualTo(e.getValue());
            }
        }
    }
}
