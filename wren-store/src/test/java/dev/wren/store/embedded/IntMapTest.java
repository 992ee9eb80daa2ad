package dev.wren.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntMapTest {
    @Test
    void behavesLikeAHashMapThroughPutsRemovalsAndGrowth() {
        IntMap<String> map = new IntMap<>();
        Map<Integer, String> reference = new HashMap<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int step = 0; step < 50_000; step++) {
            int key = random.nextInt(-2_000, 2_000) * (random.nextBoolean() ? 1 : 65_537);
            if (random.nextInt(4) == 0) {
                map.remove(key);
                reference.remove(key);
            } else {
                map.put(key, "v" + step);
                reference.put(key, "v" + step);
            }
        }
        assertThat(map.size()).isEqualTo(reference.size());
        for (int key = -2_000; key < 2_000; key++) {
            assertThat(map.get(key)).isEqualTo(reference.get(key));
            assertThat(map.get(key * 65_537)).isEqualTo(reference.get(key * 65_537));
        }
        Map<Integer, String> visited = new HashMap<>();
        map.forEach(visited::put);
        assertThat(visited).isEqualTo(reference);
    }

    @Test
    void zeroAndExtremeKeysAreOrdinaryKeys() {
        IntMap<String> map = new IntMap<>();
        assertThat(map.get(0)).isNull();
        map.put(0, "zero");
        map.put(Integer.MIN_VALUE, "min");
        map.put(Integer.MAX_VALUE, "max");
        assertThat(map.get(0)).isEqualTo("zero");
        assertThat(map.get(Integer.MIN_VALUE)).isEqualTo("min");
        assertThat(map.get(Integer.MAX_VALUE)).isEqualTo("max");
        assertThat(map.get(1)).isNull();
    }

    @Test
    void hashedIdsMoveIntoTheDenseArrayAsItGrowsPastThem() {
        IntMap<String> map = new IntMap<>();
        map.put(5_000, "early");
        map.put(-7, "negative");
        for (int id = 0; id < 6_000; id++) {
            if (id != 5_000) {
                map.put(id, "v" + id);
            }
            assertThat(map.get(5_000)).isEqualTo("early");
        }
        assertThat(map.size()).isEqualTo(6_001);
        map.remove(5_000);
        map.remove(3);
        assertThat(map.get(5_000)).isNull();
        assertThat(map.get(3)).isNull();
        assertThat(map.get(-7)).isEqualTo("negative");
        Map<Integer, String> visited = new HashMap<>();
        map.forEach(visited::put);
        assertThat(visited).hasSize(5_999).containsEntry(5_999, "v5999").doesNotContainKey(3);
    }
}
