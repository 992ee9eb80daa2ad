package dev.wren.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class DjlEngineTest {
    @Test
    void pytorchEngineLoadsWithoutTheInternet() {
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        Engine engine = Engine.getEngine("PyTorch");
        try (NDManager manager = engine.newBaseManager()) {
            NDArray sum = manager.create(new float[] {1, 2, 3}).sum();
            assertThat(sum.getFloat()).isEqualTo(6f);
        }
    }
}
