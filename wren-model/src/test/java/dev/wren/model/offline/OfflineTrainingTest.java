package dev.wren.model.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.model.blocks.ModelSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineTrainingTest {
    @TempDir
    Path dir;

    @Test
    void theTwoTowerReadsTheUserIdAndOnlyTheItemFieldsThatDoNotChangeOverTime() {
        SyntheticOfflineSamples.write(dir, 40, 30, 400, 100, 7, 1 << 20);
        OfflineSamples samples = OfflineSamples.open(dir, "time", 0.1);

        ModelSpec.TwoTowerSpec spec = (ModelSpec.TwoTowerSpec)
                OfflineTraining.catalog(samples.layout()).byName("two-tower");

        assertThat(spec.userFields()).containsExactly("userId");
        // Not itemRatingCountBucket nor the item* statistics: they are the item's as of each row's moment.
        assertThat(spec.itemFields()).containsExactly("itemId", "genre1", "genre2", "releaseYear");
    }
}
