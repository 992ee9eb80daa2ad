package dev.wren.serving.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ItemTallyTest {
    @Test
    void sumsEachItemsWeightsAndKeepsTheTagOfItsLargest() {
        ItemTally tally = new ItemTally(4);

        assertThat(tally.add(7, 0.5, 100)).isTrue();
        assertThat(tally.add(7, 0.25, 101)).isFalse();
        assertThat(tally.add(7, 0.75, 102)).isFalse();
        assertThat(tally.add(7, 0.75, 103)).isFalse(); // a tie keeps the earlier tag
        assertThat(tally.add(9, 1.0, 200)).isTrue();

        int seven = tally.entry(7);
        assertThat(tally.sum(seven)).isEqualTo(2.25);
        assertThat(tally.tag(seven)).isEqualTo(102);
        assertThat(tally.item(seven)).isEqualTo(7);
        assertThat(tally.entries()).isEqualTo(2);
        assertThat(tally.entry(8)).isEqualTo(-1);
    }

    @Test
    void aForgottenItemStartsAfreshWhenAddedAgain() {
        ItemTally tally = new ItemTally(4);
        tally.add(7, 0.9, 1);
        tally.forget(7);
        tally.forget(8); // never added: nothing happens

        assertThat(tally.isForgotten(tally.entry(7))).isTrue();
        assertThat(tally.add(7, 0.1, 2)).isTrue();
        assertThat(tally.sum(tally.entry(7))).isEqualTo(0.1);
        assertThat(tally.tag(tally.entry(7))).isEqualTo(2);
        assertThat(tally.isForgotten(tally.entry(7))).isFalse();
    }

    @Test
    void growsFarPastItsExpectedSizeAndAgreesWithAMap() {
        ItemTally tally = new ItemTally(4);
        Map<Integer, Double> expected = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 50_000; i++) {
            // Clustered ids, as MovieLens's are, and some negative ones.
            int item = random.nextInt(20_000) - 1_000;
            double weight = random.nextDouble();
            tally.add(item, weight, i);
            expected.merge(item, weight, Double::sum);
        }

        assertThat(tally.entries()).isEqualTo(expected.size());
        expected.forEach((item, sum) ->
                assertThat(tally.sum(tally.entry(item))).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9)));
    }
}
