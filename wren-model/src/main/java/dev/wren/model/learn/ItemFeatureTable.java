package dev.wren.model.learn;

import dev.wren.model.offline.OfflineLayout;
import dev.wren.model.offline.ParquetRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.PrimitiveType;

/**
 * The item side of a sample for rows that arrive without it: the offline pipeline's item features ({@code
 * <offline>/features/items}: the catalogue's genre slots and release year, and the rating statistics under their
 * serving names, {@code ratingCount} for the samples' {@code itemRatingCount}). The offline samples take the statistics
 * from ratings strictly before each event; here they are those of the offline run, which ended before any fresh sample,
 * so they are older than the offline samples' but never from the future. Thread-safe: immutable after loading.
 */
public final class ItemFeatureTable {
    /** Where the offline pipeline writes its item features, under its output folder. */
    public static final String FOLDER = "features/items";

    private final List<String> columns;
    private final Map<Long, Object[]> rows;

    private ItemFeatureTable(List<String> columns, Map<Long, Object[]> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * Loads {@code <offline>/features/items} for the item-side columns of {@code layout} that it has.
     *
     * @return empty when the offline output has no item features
     */
    public static Optional<ItemFeatureTable> load(Path offline, OfflineLayout layout) {
        Path folder = offline.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        List<Path> files = ParquetRows.filesOf(folder);
        List<String> available = ParquetRows.columnsOf(files.get(0));
        List<String> wanted = new ArrayList<>();
        List<String> read = new ArrayList<>(List.of(OfflineLayout.ITEM_ID));
        for (String column : itemColumns(layout)) {
            String source = servingName(column);
            if (available.contains(source)) {
                wanted.add(column);
                read.add(source);
            }
        }
        Map<Long, Object[]> rows = new HashMap<>();
        try (Stream<Group> all = new ParquetRows(files, read).stream()) {
            for (Iterator<Group> it = all.iterator(); it.hasNext(); ) {
                Group g = it.next();
                if (g.getFieldRepetitionCount(0) == 0) {
                    continue;
                }
                Object[] values = new Object[wanted.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = value(g, i + 1);
                }
                rows.put(((Number) value(g, 0)).longValue(), values);
            }
        }
        return Optional.of(new ItemFeatureTable(List.copyOf(wanted), rows));
    }

    /** A table from given values, for tests and callers with their own catalogue. */
    public static ItemFeatureTable of(List<String> columns, Map<Long, Object[]> rows) {
        return new ItemFeatureTable(List.copyOf(columns), Map.copyOf(rows));
    }

    /** The layout's columns that describe the item (not its id): genre slots, release year, {@code item*}. */
    public static List<String> itemColumns(OfflineLayout layout) {
        return layout.columns().stream().filter(ItemFeatureTable::isItemColumn).toList();
    }

    static boolean isItemColumn(String column) {
        return !column.startsWith("user")
                && !column.equals(OfflineLayout.ITEM_ID)
                && !column.equals(OfflineLayout.TIME)
                && !column.equals(OfflineLayout.LABEL);
    }

    /** The feature store's name of a sample column: {@code itemRatingCount} is the item's {@code ratingCount}. */
    static String servingName(String column) {
        if (column.startsWith("item") && column.length() > 4) {
            return Character.toLowerCase(column.charAt(4)) + column.substring(5);
        }
        return column;
    }

    /** The columns this table fills. */
    public List<String> columns() {
        return columns;
    }

    /** Items in the table. */
    public int size() {
        return rows.size();
    }

    /** One item's value of a sample column: empty when the item or column is unknown or the value is null. */
    public Optional<Object> value(long itemId, String column) {
        int at = columns.indexOf(column);
        Object[] row = rows.get(itemId);
        return at < 0 || row == null ? Optional.empty() : Optional.ofNullable(row[at]);
    }

    /** Whether the table knows the item. */
    public boolean contains(long itemId) {
        return rows.containsKey(itemId);
    }

    private static Object value(Group g, int field) {
        if (g.getFieldRepetitionCount(field) == 0) {
            return null;
        }
        PrimitiveType type = g.getType().getType(field).asPrimitiveType();
        return switch (type.getPrimitiveTypeName()) {
            case INT32 -> g.getInteger(field, 0);
            case INT64 -> g.getLong(field, 0);
            case FLOAT -> g.getFloat(field, 0);
            case DOUBLE -> g.getDouble(field, 0);
            case BOOLEAN -> g.getBoolean(field, 0) ? 1 : 0;
            default -> g.getString(field, 0);
        };
    }
}
