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

            stepOnRows4And1And4(table, store, manager, new SparseAdam(0.1f, 0f, 1));

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
    void threeStepsWithWeightDecayFollowAdamsFormula() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            EmbeddingTable table = new EmbeddingTable(new long[] {6}, 2, true);
            table.initialize(manager, DataType.FLOAT32, new Shape(2, 1));
            ParameterStore store = new ParameterStore(manager, false);
            double[] w =
                    toDoubles(table.getParameters().get(0).getValue().getArray().toFloatArray());
            double[] m = new double[w.length];
            double[] v = new double[w.length];
            float rate = 0.05f;
            float l2 = 0.1f;
            for (int t = 1; t <= 3; t++) {
                stepOnRows4And1And4(table, store, manager, new SparseAdam(rate, l2, t));
                double corrected = rate * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
                for (int i = 0; i < w.length; i++) {
                    int row = i / 2;
                    if (row != 1 && row != 4) {
                        continue; // lazy: rows not looked up keep their weights and moments
                    }
                    double g = (row == 4 ? 2 : 1) + l2 * w[i];
                    m[i] = 0.9 * m[i] + 0.1 * g;
                    v[i] = 0.999 * v[i] + 0.001 * g * g;
                    w[i] -= corrected * m[i] / (Math.sqrt(v[i]) + 1e-8);
                }
            }
            float[] after = table.getParameters().get(0).getValue().getArray().toFloatArray();
            for (int i = 0; i < w.length; i++) {
                assertThat((double) after[i])
                        .as("value %d", i)
                        .isCloseTo(w[i], org.assertj.core.data.Offset.offset(1e-5));
            }
            SparseAdam.release(table);
        }
    }

    /** Looks up rows 4, 1 and 4, backpropagates the sum of their embeddings and takes one lazy Adam step. */
    private static void stepOnRows4And1And4(
            EmbeddingTable table, ParameterStore store, NDManager manager, SparseAdam adam) {
        try (NDManager step = manager.newSubManager()) {
            NDArray indices = step.create(new long[] {4, 1, 4}, new Shape(3, 1));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(table.embedAll(store, indices, true).sum());
            }
            adam.apply(table);
        }
    }

    private static double[] toDoubles(float[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i];
        }
        return out;
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
