package dev.wren.core.store;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One named feature of an entity.
 *
 * @param name a stable name, also used as the field name in store keys
 * @param type the value type
 * @param dimension the vector dimension for {@link FeatureType#VECTOR}; zero for every other type
 */
public record FeatureSpec(String name, FeatureType type, int dimension) {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]*");

    public FeatureSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("feature name must be letters, digits and '_', got '" + name + "'");
        }
        if (type == FeatureType.VECTOR && dimension <= 0) {
            throw new IllegalArgumentException("vector feature '" + name + "' needs a positive dimension");
        }
        if (type != FeatureType.VECTOR && dimension != 0) {
            throw new IllegalArgumentException("only vector features have a dimension: '" + name + "'");
        }
    }

    public static FeatureSpec number(String name) {
        return new FeatureSpec(name, FeatureType.NUMBER, 0);
    }

    public static FeatureSpec text(String name) {
        return new FeatureSpec(name, FeatureType.TEXT, 0);
    }

    public static FeatureSpec intList(String name) {
        return new FeatureSpec(name, FeatureType.INT_LIST, 0);
    }

    public static FeatureSpec textList(String name) {
        return new FeatureSpec(name, FeatureType.TEXT_LIST, 0);
    }

    public static FeatureSpec floatList(String name) {
        return new FeatureSpec(name, FeatureType.FLOAT_LIST, 0);
    }

    public static FeatureSpec vector(String name, int dimension) {
        return new FeatureSpec(name, FeatureType.VECTOR, dimension);
    }
}
