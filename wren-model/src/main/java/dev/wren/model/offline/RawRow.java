package dev.wren.model.offline;

import java.util.List;
import org.apache.parquet.example.data.Group;

/**
 * One raw sample row, its values addressed by position in {@link OfflineLayout#columns()}: what {@link
 * OfflineLayout#decode} reads, whether the row came from the offline pipeline's Parquet or from a JSON line, so both
 * go through one definition of the features.
 */
public interface RawRow {
    /** Whether the column has a value (not null, not absent). */
    boolean present(int field);

    /** The column's value as a number; only called when {@link #present}. */
    Number number(int field);

    /** The column's value as a string; only called when {@link #present}. */
    String string(int field);

    /** The elements of a list column, in order, null elements included; empty when absent. */
    List<Object> list(int field);

    /** A Parquet row projected to {@link OfflineLayout#columns()}. */
    static RawRow of(Group row) {
        return new RawRow() {
            @Override
            public boolean present(int field) {
                return Columns.present(row, field);
            }

            @Override
            public Number number(int field) {
                return Columns.number(row, field);
            }

            @Override
            public String string(int field) {
                return Columns.string(row, field);
            }

            @Override
            public List<Object> list(int field) {
                return Columns.list(row, field);
            }
        };
    }
}
