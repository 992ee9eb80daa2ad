package dev.wren.model.offline;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/** Reads Spark-written values out of an example {@link Group}, whatever the physical type. Stateless. */
final class Columns {
    private Columns() {}

    static boolean present(Group row, int field) {
        return row.getFieldRepetitionCount(field) > 0;
    }

    /** An int32, int64, float or double value (the first repetition). */
    static Number number(Group row, int field) {
        PrimitiveType type = row.getType().getType(field).asPrimitiveType();
        return switch (type.getPrimitiveTypeName()) {
            case INT32 -> row.getInteger(field, 0);
            case INT64 -> row.getLong(field, 0);
            case FLOAT -> row.getFloat(field, 0);
            case DOUBLE -> row.getDouble(field, 0);
            case BOOLEAN -> row.getBoolean(field, 0) ? 1 : 0;
            default ->
                throw new IllegalArgumentException(
                        "column '" + type.getName() + "' is " + type.getPrimitiveTypeName() + ", not a number");
        };
    }

    static String string(Group row, int field) {
        return row.getString(field, 0);
    }

    /**
     * The elements of an array column, in order, null elements included: Spark's three-level list ({@code group
     * (LIST) { repeated group list { element } }}) or the legacy two-level form.
     */
    static List<Object> list(Group row, int field) {
        List<Object> out = new ArrayList<>();
        if (!present(row, field)) {
            return out;
        }
        Group list = row.getGroup(field, 0);
        if (list.getType().getFieldCount() == 0) {
            return out;
        }
        Type repeated = list.getType().getType(0);
        int n = list.getFieldRepetitionCount(0);
        for (int i = 0; i < n; i++) {
            if (repeated.isPrimitive()) {
                out.add(value(list, 0, i));
            } else {
                Group element = list.getGroup(0, i);
                out.add(present(element, 0) ? value(element, 0, 0) : null);
            }
        }
        return out;
    }

    private static Object value(Group g, int field, int index) {
        PrimitiveType type = g.getType().getType(field).asPrimitiveType();
        return switch (type.getPrimitiveTypeName()) {
            case INT32 -> g.getInteger(field, index);
            case INT64 -> g.getLong(field, index);
            case FLOAT -> g.getFloat(field, index);
            case DOUBLE -> g.getDouble(field, index);
            case BINARY -> g.getString(field, index);
            default -> g.getValueToString(field, index);
        };
    }
}
