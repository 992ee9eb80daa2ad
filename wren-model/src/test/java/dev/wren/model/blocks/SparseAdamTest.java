package dev.wren.model.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class SparseAdamTest {
    @Test
    void aStepMovesOnlyTheLookedUpRowsEachWeightByTheLearningRate() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            EmbeddingTable table = new EmbeddingTable(new long[] {6}, 3, true);
            table.initialize(manager, DataType.FLOAT32, new Shape(2, 1));
            ParameterStore store = new ParameterStore(manager, false);
            float[] before = table.getParameters().get(0).getValue().getArray().toFloatArray();

            try (NDManager step = manager.newSubManager()) {
                NDArray indices = step.create(new long[] {4, 1, 4}, new Shape(3, 1));
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray out = table.embedAll(store, indices, true); // (3, 1, 3)
                    collector.backward(out.sum());
                }
                new SparseAdam(0.1f, 0f, 1).apply(table);
            }

            float[] after = table.getParameters().get(0).getValue().getArray().toFloatArray();
            for (int row = 0; row < 6; row++) {
                for (int d = 0; d < 3; d++) {
                    int i = row * 3 + d;
                    // Adam's first step is learning rate x sign(gradient); the gradient of the sum is positive.
                    float expected = row == 1 || row == 4 ? before[i] - 0.1f : before[i];
                    assertThat(after[i])
                            .as("row %d dim %d", row, d)
                            .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5f));
                }
            }
        }
    }

    @Test
    void aTableLookedUpOncePerStepIsRowSparseOnlyWhenLarge() {
        long limit = EmbeddingTable.ROW_SPARSE_MIN_VALUES;
        assertThat(new EmbeddingTable(new long[] {8_000, 600}, 10).rowSparse()).isFalse();
        assertThat(new EmbeddingTable(new long[] {limit / 8, limit / 8}, 8).rowSparse())
                .isTrue();
        assertThat(new EmbeddingTable(new long[] {limit}, 1).rowSparse()).isFalse();
    }

    @Test
    void aRowSparseTableRefusesASecondLookupInOneStep() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            EmbeddingTable table = new EmbeddingTable(new long[] {6}, 2, true);
            table.initialize(manager, DataType.FLOAT32, new Shape(1, 1));
            ParameterStore store = new ParameterStore(manager, false);
            NDArray indices = manager.create(new long[] {1}, new Shape(1, 1));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                table.embedAll(store, indices, true);
                assertThatThrownBy(() -> table.embedAll(store, indices, true))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("looked up twice");
            }
            SparseAdam.release(table);
        }
    }
}
