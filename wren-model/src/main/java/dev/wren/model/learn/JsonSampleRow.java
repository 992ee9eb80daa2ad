package dev.wren.model.learn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wren.model.offline.OfflineLayout;
import dev.wren.model.offline.RawRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One fresh sample from a JSON line, checked against the layout's raw columns and converted to plain values for
 * {@link OfflineLayout#decode(RawRow)}. The object carries the offline samples' raw column names ({@code userId,
 * itemId, ts, label}, the {@code user*} point-in-time features, optionally the item side) plus the stream's {@code
 * exposedAt, position, labelSource}; an item column that is absent (not null: absent) is taken from the {@link
 * ItemFeatureTable}, as the offline pipeline joins the catalogue. Unknown fields are ignored. Immutable.
 */
final class JsonSampleRow implements RawRow {
    private static final List<String> REQUIRED =
            List.of(OfflineLayout.USER_ID, OfflineLayout.ITEM_ID, OfflineLayout.TIME, OfflineLayout.LABEL);

    private final Object[] values;
    private final long userId;
    private final long itemId;
    private final long ts;

    private JsonSampleRow(Object[] values, long userId, long itemId, long ts) {
        this.values = values;
        this.userId = userId;
        this.itemId = itemId;
        this.ts = ts;
    }

    /** How each of the layout's columns is read; built once per layout. */
    static final class Schema {
        final List<String> columns;
        final Set<String> strings = new HashSet<>();
        final Set<String> stringLists = new HashSet<>();
        final Set<String> idLists = new HashSet<>();
        final Set<String> items = new HashSet<>();

        Schema(OfflineLayout layout) {
            this.columns = layout.columns();
            strings.addAll(layout.manifest().stringIndexerLabels().keySet());
            stringLists.add(OfflineLayout.TOP_GENRES);
            idLists.add(OfflineLayout.RECENT_POSITIVES);
            items.addAll(ItemFeatureTable.itemColumns(layout));
        }
    }

    /**
     * Checks and converts one parsed line.
     *
     * @throws IllegalArgumentException naming the field and what is wrong with it
     */
    static JsonSampleRow of(JsonNode node, Schema schema, Optional<ItemFeatureTable> items) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        for (String name : REQUIRED) {
            if (!node.hasNonNull(name)) {
                throw new IllegalArgumentException("missing required field '" + name + "'");
            }
        }
        long userId = integer(node, OfflineLayout.USER_ID);
        long itemId = integer(node, OfflineLayout.ITEM_ID);
        if (userId < 1 || itemId < 1 || userId > Integer.MAX_VALUE || itemId > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "userId and itemId must be positive ints, got " + userId + " and " + itemId);
        }
        long ts = integer(node, OfflineLayout.TIME);
        if (ts < 0) {
            throw new IllegalArgumentException("ts must be epoch seconds, got " + ts);
        }
        JsonNode label = node.get(OfflineLayout.LABEL);
        int labelValue;
        if (label.isBoolean()) {
            labelValue = label.booleanValue() ? 1 : 0;
        } else if (label.isIntegralNumber() && (label.asLong() == 0 || label.asLong() == 1)) {
            labelValue = label.asInt();
        } else {
            throw new IllegalArgumentException("label must be 0, 1, true or false, got " + label);
        }
        checkMetadata(node);
        Object[] values = new Object[schema.columns.size()];
        for (int i = 0; i < values.length; i++) {
            String name = schema.columns.get(i);
            JsonNode v = node.get(name);
            if (name.equals(OfflineLayout.LABEL)) {
                values[i] = labelValue;
            } else if (v == null && schema.items.contains(name)) {
                values[i] = items.flatMap(t -> t.value(itemId, name)).orElse(null);
            } else if (v == null || v.isNull()) {
                values[i] = null;
            } else if (schema.stringLists.contains(name)) {
                values[i] = list(name, v, false);
            } else if (schema.idLists.contains(name)) {
                values[i] = list(name, v, true);
            } else if (schema.strings.contains(name)) {
                if (!v.isTextual()) {
                    throw new IllegalArgumentException("field '" + name + "' must be a string, got " + v);
                }
                values[i] = v.textValue();
            } else {
                if (!v.isNumber()) {
                    throw new IllegalArgumentException("field '" + name + "' must be a number, got " + v);
                }
                values[i] = v.numberValue();
            }
        }
        return new JsonSampleRow(values, userId, itemId, ts);
    }

    /** The stream's own fields, when present, must have their types. */
    private static void checkMetadata(JsonNode node) {
        JsonNode exposedAt = node.get("exposedAt");
        if (exposedAt != null && !exposedAt.isNull() && !exposedAt.isIntegralNumber()) {
            throw new IllegalArgumentException("exposedAt must be an integer time, got " + exposedAt);
        }
        JsonNode position = node.get("position");
        if (position != null && !position.isNull() && !(position.isIntegralNumber() && position.asLong() >= 0)) {
            throw new IllegalArgumentException("position must be a non-negative integer, got " + position);
        }
        JsonNode source = node.get("labelSource");
        if (source != null && !source.isNull() && !source.isTextual()) {
            throw new IllegalArgumentException("labelSource must be a string, got " + source);
        }
    }

    private static long integer(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
            throw new IllegalArgumentException("field '" + name + "' must be an integer, got " + v);
        }
        return v.asLong();
    }

    private static List<Object> list(String name, JsonNode v, boolean ids) {
        if (!v.isArray()) {
            throw new IllegalArgumentException("field '" + name + "' must be an array, got " + v);
        }
        List<Object> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (e.isNull()) {
                out.add(null);
            } else if (ids && e.isIntegralNumber()) {
                out.add(e.asLong());
            } else if (!ids && e.isTextual()) {
                out.add(e.textValue());
            } else {
                throw new IllegalArgumentException(
                        "field '" + name + "' must hold " + (ids ? "item ids" : "strings") + ", got " + e);
            }
        }
        return out;
    }

    long userId() {
        return userId;
    }

    long itemId() {
        return itemId;
    }

    long ts() {
        return ts;
    }

    @Override
    public boolean present(int field) {
        return values[field] != null;
    }

    @Override
    public Number number(int field) {
        Object v = values[field];
        if (v instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException("column " + field + " holds " + v + ", not a number");
    }

    @Override
    public String string(int field) {
        return values[field].toString();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Object> list(int field) {
        Object v = values[field];
        return v instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
