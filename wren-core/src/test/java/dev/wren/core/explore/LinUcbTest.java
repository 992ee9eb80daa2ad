package dev.wren.core.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinUcbTest {
    @Test
    void learnsWhichChannelPaysForWhichContext() {
        // Two contexts (one-hot); "trending" pays in context 0, "cf" in context 1.
        LinUcb<String> policy = new LinUcb<>("linucb", 2, 0.5);
        SplittableRandom random = new SplittableRandom(3);
        double[][] contexts = {{1, 0}, {0, 1}};
        for (int t = 0; t < 2000; t++) {
            int c = random.nextInt(2);
            Map<String, double[]> arms = new LinkedHashMap<>();
            arms.put("trending", contexts[c]);
            arms.put("cf", contexts[c]);
            String arm = policy.choose(arms, random).arm();
            double p = (arm.equals("trending") == (c == 0)) ? 0.6 : 0.2;
            policy.update(arm, contexts[c], random.nextDouble() < p ? 1 : 0);
        }
        Map<String, double[]> first = Map.of("trending", contexts[0], "cf", contexts[0]);
        Map<String, double[]> second = Map.of("trending", contexts[1], "cf", contexts[1]);
        assertThat(policy.choose(first, random).arm()).isEqualTo("trending");
        assertThat(policy.choose(second, random).arm()).isEqualTo("cf");
        assertThat(policy.choose(first, random).propensity()).isEqualTo(1.0);
    }

    @Test
    void untriedArmsTieAndShareThePropensity() {
        LinUcb<Integer> policy = new LinUcb<>("linucb", 3, 1.0);
        Map<Integer, double[]> arms = Map.of(7, new double[] {1, 0, 0}, 8, new double[] {0, 1, 0});
        ShownItem item = LinUcb.chooseItem(policy, arms, 2, new SplittableRandom(1));
        assertThat(item.propensity()).isEqualTo(0.5);
        assertThat(item.position()).isEqualTo(2);
        assertThat(item.itemId()).isIn(7, 8);
    }
}
