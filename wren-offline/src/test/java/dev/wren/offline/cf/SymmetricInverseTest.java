package dev.wren.offline.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricInverseTest {
    @Test
    void timesTheMatrixGivesTheIdentity() {
        int n = 50;
        double[] matrix = randomSpd(n, new Random(11));

        double[] inverse = SymmetricInverse.invert(matrix.clone(), n);

        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double product = 0;
                for (int k = 0; k < n; k++) {
                    product += matrix[i * n + k] * inverse[k * n + j];
                }
                assertThat(product).as("(%d, %d)", i, j).isCloseTo(i == j ? 1 : 0, within(1e-9));
            }
        }
    }

    @Test
    void agreesWithThePureJavaFallback() {
        int n = 40;
        double[] matrix = randomSpd(n, new Random(12));

        double[] inverse = SymmetricInverse.invert(matrix.clone(), n);
        double[] fallback = SymmetricInverse.withEjml(matrix.clone(), n);

        for (int i = 0; i < n * n; i++) {
            assertThat(inverse[i]).isCloseTo(fallback[i], within(1e-12));
        }
    }

    @Test
    void refusesASingularMatrix() {
        double[] singular = {1, 1, 1, 1};

        assertThatThrownBy(() -> SymmetricInverse.invert(singular, 2)).isInstanceOf(IllegalStateException.class);
    }

    /** A'A + I for a random A: symmetric and positive definite. */
    private static double[] randomSpd(int n, Random random) {
        double[] a = new double[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextInt(3);
        }
        double[] spd = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = i == j ? 1 : 0;
                for (int k = 0; k < n; k++) {
                    sum += a[k * n + i] * a[k * n + j];
                }
                spd[i * n + j] = sum;
            }
        }
        return spd;
    }
}
