package dev.wren.offline.cf;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_MT_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inverts a dense symmetric positive-definite matrix: with PyTorch's LAPACK (through DJL) when its engine loads, else
 * with EJML's multi-threaded Cholesky in pure Java, several times slower (wren-offline's BENCHMARK.md). Stateless.
 */
final class SymmetricInverse {
    private static final Logger log = LoggerFactory.getLogger(SymmetricInverse.class);

    private SymmetricInverse() {}

    /**
     * @param matrix row-major n x n, symmetric positive definite; may be overwritten
     * @return its inverse, row-major
     * @throws IllegalStateException when the matrix is not positive definite
     */
    static double[] invert(double[] matrix, int n) {
        if (!djlPresent() || !Pytorch.available()) {
            return withEjml(matrix, n);
        }
        double[] inverse = Pytorch.invert(matrix, n);
        for (double v : inverse) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("the matrix is singular or not positive definite");
            }
        }
        return inverse;
    }

    /**
     * Whether DJL is on the classpath, asked by name: a class that mentions DJL's types fails to load without it (its
     * verifier resolves the exceptions it catches), so {@link Pytorch} is touched only when this holds.
     */
    private static boolean djlPresent() {
        try {
            Class.forName("ai.djl.engine.Engine", false, SymmetricInverse.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            // The cluster jar leaves DJL out, and a Spark cluster does not have it: Java is slower, not wrong.
            log.warn("DJL is not on the classpath; inverting with EJML, several times slower");
            return false;
        }
    }

    /** Kept apart so that the outer class loads without DJL on the classpath. */
    private static final class Pytorch {
        static boolean available() {
            try {
                Engine.getEngine("PyTorch");
                return true;
            } catch (RuntimeException | LinkageError e) {
                // The engine did not load (no native library for this platform, say): Java is slower, not wrong.
                log.warn("PyTorch not available ({}); inverting with EJML, several times slower", e.toString());
                return false;
            }
        }

        static double[] invert(double[] matrix, int n) {
            try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
                return manager.create(matrix, new Shape(n, n)).inverse().toDoubleArray();
            } catch (EngineException e) {
                throw new IllegalStateException(
                        "the matrix is singular or not positive definite: " + e.getMessage(), e);
            }
        }
    }

    static double[] withEjml(double[] matrix, int n) {
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_MT_DDRM.symmPosDef(n);
        if (!solver.setA(DMatrixRMaj.wrap(n, n, matrix))) {
            throw new IllegalStateException("the matrix is not positive definite");
        }
        DMatrixRMaj inverse = new DMatrixRMaj(n, n);
        solver.invert(inverse);
        return inverse.getData();
    }
}
