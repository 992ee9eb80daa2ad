package dev.wren.core.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/** One entity's feature row: feature name to value. Immutable. */
public record Features(Map<String, FeatureValue> values) {
    public Features {
        values = Map.copyOf(Objects.requireNonNull(values, "values"));
    }

    public static Features empty() {
        return new Features(Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Optional<FeatureValue> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public OptionalDouble number(String name) {
        return values.get(name) instanceof FeatureValue.Num n ? OptionalDouble.of(n.value()) : OptionalDouble.empty();
    }

    public Optional<String> text(String name) {
        return values.get(name) instanceof FeatureValue.Text t ? Optional.of(t.value()) : Optional.empty();
    }

    public List<Integer> intList(String name) {
        return values.get(name) instanceof FeatureValue.IntList l ? l.values() : List.of();
    }

    public List<String> textList(String name) {
        return values.get(name) instanceof FeatureValue.TextList l ? l.values() : List.of();
    }

    /** The vector, or empty. The returned array is shared: do not modify it. */
    public Optional<float[]> vector(String name) {
        return values.get(name) instanceof FeatureValue.Vector v ? Optional.of(v.values()) : Optional.empty();
    }

    /** The float list, or an empty array. The returned array is shared: do not modify it. */
    public float[] floatList(String name) {
        return values.get(name) instanceof FeatureValue.FloatList l ? l.values() : new float[0];
    }

    /** These features with {@code other}'s values laid over them, name by name. */
    public Features mergedWith(Features other) {
        Map<String, FeatureValue> merged = new LinkedHashMap<>(values);
        merged.putAll(other.values);
        return new Features(merged);
    }

    /** Builds a row one feature at a time. Not thread-safe. */
    public static final class Builder {
        private final Map<String, FeatureValue> values = new LinkedHashMap<>();

        public Builder number(String name, double value) {
            values.put(name, new FeatureValue.Num(value));
            return this;
        }

        public Builder text(String name, String value) {
            values.put(name, new FeatureValue.Text(value));
            return this;
        }

        public Builder intList(String name, List<Integer> value) {
            values.put(name, new FeatureValue.IntList(value));
            return this;
        }

        public Builder textList(String name, List<String> value) {
            values.put(name, new FeatureValue.TextList(value));
            return this;
        }

        public Builder vector(String name, float[] value) {
            values.put(name, new FeatureValue.Vector(value.clone()));
            return this;
        }

        public Builder floatList(String name, float[] value) {
            values.put(name, new FeatureValue.FloatList(value.clone()));
            return this;
        }

        public Builder value(String name, FeatureValue value) {
            values.put(name, value);
            return this;
        }

        public Features build() {
            return new Features(values);
        }
    }
}
