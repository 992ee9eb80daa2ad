package dev.wren.model.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class DropoutPoolTest {
    @Test
    void masksDropAboutTheRateAndScaleTheRestUp() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Engine.getEngine("PyTorch").setRandomSeed(7);
            DropoutPool pool = new DropoutPool(0.25f);
            NDArray ones = manager.ones(new Shape(400, 50), DataType.FLOAT32);
            long[] offsets = pool.startPass(manager, manager, new long[] {ones.size()});
            float[] masked = pool.apply(ones, offsets[0]).toFloatArray();
            int dropped = 0;
            for (float v : masked) {
                if (v == 0f) {
                    dropped++;
                } else {
                    assertThat(v).isCloseTo(1f / 0.75f, within(1e-6f));
                }
            }
            assertThat(dropped / (double) masked.length).isCloseTo(0.25, within(0.02));
            pool.release();
        }
    }

    @Test
    void theSameEngineSeedGivesTheSameMasks() {
        assertThat(firstMask(11)).containsExactly(firstMask(11));
        assertThat(firstMask(11)).isNotEqualTo(firstMask(12));
    }

    private static float[] firstMask(int seed) {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Engine.getEngine("PyTorch").setRandomSeed(seed);
            DropoutPool pool = new DropoutPool(0.5f);
            NDArray ones = manager.ones(new Shape(64, 8), DataType.FLOAT32);
            long[] offsets = pool.startPass(manager, manager, new long[] {ones.size()});
            float[] mask = pool.apply(ones, offsets[0]).toFloatArray();
            pool.release();
            return mask;
        }
    }
}
