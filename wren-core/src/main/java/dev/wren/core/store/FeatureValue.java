package dev.wren.core.store;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A feature's value; one record per {@link FeatureType}. */
public sealed interface FeatureValue {

    FeatureType type();

    record Num(double value) implements FeatureValue {
        @Override
        public FeatureType type() {
            return FeatureType.NUMBER;
        }
    }

    record Text(String value) implements FeatureValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public FeatureType type() {
            return FeatureType.TEXT;
        }
    }

    record IntList(List<Integer> values) implements FeatureValue {
        public IntList {
            values = List.copyOf(values);
        }

        @Override
        public FeatureType type() {
            return FeatureType.INT_LIST;
        }
    }

    record TextList(List<String> values) implements FeatureValue {
        public TextList {
            values = List.copyOf(values);
        }

        @Override
        public FeatureType type() {
            return FeatureType.TEXT_LIST;
        }
    }

    /** A float vector. The array is owned by the value: callers must not change it after construction. */
    record Vector(float[] values) implements FeatureValue {
        public Vector {
            Objects.requireNonNull(values, "values");
            for (float v : values) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("vector holds a non-finite value: " + v);
                }
            }
        }

        @Override
        public FeatureType type() {
            return FeatureType.VECTOR;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Vector other && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Vector" + Arrays.toString(values);
        }
    }

    /** Floats of any length. The array is owned by the value: callers must not change it after construction. */
    record FloatList(float[] values) implements FeatureValue {
        public FloatList {
            Objects.requireNonNull(values, "values");
            for (float v : values) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("float list holds a non-finite value: " + v);
                }
            }
        }

        @Override
        public FeatureType type() {
            return FeatureType.FLOAT_LIST;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FloatList other && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "FloatList" + Arrays.toString(values);
        }
    }
}
