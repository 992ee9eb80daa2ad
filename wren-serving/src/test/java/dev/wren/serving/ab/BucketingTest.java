package dev.wren.serving.ab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BucketingTest {
    private static final int USERS = 100_000;

    @Test
    void splitsOneHundredThousandUsersWithinOnePercentOfEachShare() {
        Experiment e = new Experiment(
                "ranker-test",
                List.of(Variant.control("a", 0.2), Variant.control("b", 0.3), Variant.control("c", 0.5)));
        Map<String, Integer> counts = new HashMap<>();
        for (int u = 0; u < USERS; u++) {
            counts.merge(Bucketing.assign(e, u).orElseThrow().name(), 1, Integer::sum);
        }
        assertThat(counts.get("a") / (double) USERS).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.01));
        assertThat(counts.get("b") / (double) USERS).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.01));
        assertThat(counts.get("c") / (double) USERS).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void leavesUsersOutsideTheSharesInNoVariant() {
        Experiment e = new Experiment("small", List.of(Variant.control("treatment", 0.1)));
        long in = 0;
        for (int u = 0; u < USERS; u++) {
            if (Bucketing.assign(e, u).isPresent()) {
                in++;
            }
        }
        assertThat(in / (double) USERS).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void assignsTheSameUserTheSameVariantEveryTime() {
        Experiment e = new Experiment("stable", List.of(Variant.control("a", 0.5), Variant.control("b", 0.5)));
        for (int u = 0; u < 1000; u++) {
            Optional<Variant> first = Bucketing.assign(e, u);
            assertThat(Bucketing.assign(e, u)).isEqualTo(first);
            assertThat(Bucketing.position("stable", u)).isEqualTo(Bucketing.position("stable", u));
        }
    }

    @Test
    void splitsExperimentsIndependentlyOfEachOther() {
        Experiment one = new Experiment("one", List.of(Variant.control("a", 0.5), Variant.control("b", 0.5)));
        Experiment two = new Experiment("two", List.of(Variant.control("a", 0.5), Variant.control("b", 0.5)));
        int same = 0;
        for (int u = 0; u < USERS; u++) {
            if (Bucketing.assign(one, u)
                    .orElseThrow()
                    .name()
                    .equals(Bucketing.assign(two, u).orElseThrow().name())) {
                same++;
            }
        }
        assertThat(same / (double) USERS).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
    }
}
