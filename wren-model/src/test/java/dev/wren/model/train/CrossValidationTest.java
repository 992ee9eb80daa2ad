package dev.wren.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CrossValidationTest {
    @Test
    void testFoldsPartitionTheSamplesAndSplitsAreDisjoint() {
        List<CrossValidation.Split> splits = new CrossValidation(5, 0.1, 9).splits(103);
        int[] allTest = splits.stream()
                .flatMapToInt(s -> Arrays.stream(s.test()))
                .sorted()
                .toArray();
        assertThat(allTest).containsExactly(IntStream.range(0, 103).toArray());
        for (CrossValidation.Split s : splits) {
            assertThat(s.train().length + s.validation().length + s.test().length)
                    .isEqualTo(103);
            assertThat(IntStream.concat(
                                    IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.validation())),
                                    Arrays.stream(s.test()))
                            .distinct()
                            .count())
                    .isEqualTo(103);
            assertThat(s.validation().length).isBetween(8, 9);
        }
    }

    @Test
    void theSeedFixesTheSplits() {
        CrossValidation a = new CrossValidation(5, 0.1, 9);
        CrossValidation b = new CrossValidation(5, 0.1, 9);
        assertThat(a.splits(50).get(2).test())
                .containsExactly(b.splits(50).get(2).test());
        assertThat(a.splits(50).get(2).test())
                .isNotEqualTo(new CrossValidation(5, 0.1, 10).splits(50).get(2).test());
    }
}
