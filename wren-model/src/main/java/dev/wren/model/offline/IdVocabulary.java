package dev.wren.model.offline;

import dev.wren.model.data.CategoricalField;
import dev.wren.model.data.Side;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Raw user or item ids to embedding rows. Dense: the ids seen in training, in ascending order, take rows 1..n, so a
 * table has one row per known id however large the ids are (MovieLens item ids reach 193,609 for 9,742 movies).
 * Identity: id i is row i, for layouts built from a largest id. Every other id is row 0, the unknown row. Persisted as
 * the field's vocabulary (the ids as decimal strings), so a bundle's layout carries the mapping it was trained with.
 * Thread-safe: immutable.
 */
final class IdVocabulary {
    private final int[] ids;
    private final int identityRows;

    private IdVocabulary(int[] ids, int identityRows) {
        this.ids = ids;
        this.identityRows = identityRows;
    }

    /** The set ids of a bit set (bit i = id i), each a row in ascending order. */
    static IdVocabulary dense(BitSet seen) {
        int[] ids = seen.stream().filter(i -> i > 0).toArray();
        if (ids.length == 0) {
            throw new IllegalArgumentException("no positive ids to index");
        }
        return new IdVocabulary(ids, 0);
    }

    /** Ids 1..maxId map to themselves. */
    static IdVocabulary identity(long maxId) {
        if (maxId < 1 || maxId >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("ids must be positive ints, got largest id " + maxId);
        }
        return new IdVocabulary(new int[0], (int) maxId + 1);
    }

    /** The mapping a layout's id field was built with: its vocabulary, or identity when it has none. */
    static IdVocabulary of(CategoricalField field) {
        if (field.vocabulary().isEmpty()) {
            return identity(field.vocabularySize() - 1L);
        }
        int[] ids = new int[field.vocabulary().size()];
        for (int i = 0; i < ids.length; i++) {
            String value = field.vocabulary().get(i);
            try {
                ids[i] = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "field '" + field.name() + "': vocabulary value '" + value + "' is not an id", e);
            }
            if (i > 0 && ids[i] <= ids[i - 1]) {
                throw new IllegalArgumentException(
                        "field '" + field.name() + "': id vocabulary is not ascending at '" + value + "'");
            }
        }
        return new IdVocabulary(ids, 0);
    }

    /** Rows including the unknown row 0. */
    int rows() {
        return identityRows > 0 ? identityRows : ids.length + 1;
    }

    /** The embedding row of an id; 0 when unknown. */
    int index(long id) {
        if (identityRows > 0) {
            return id > 0 && id < identityRows ? (int) id : 0;
        }
        if (id < 1 || id > Integer.MAX_VALUE) {
            return 0;
        }
        int at = Arrays.binarySearch(ids, (int) id);
        return at >= 0 ? at + 1 : 0;
    }

    /** The field for this mapping. */
    CategoricalField field(String name, Side side) {
        if (identityRows > 0) {
            return CategoricalField.ids(name, side, identityRows);
        }
        return CategoricalField.of(
                name, side, Arrays.stream(ids).mapToObj(Integer::toString).toList());
    }

    /** The ids of rows 1.., ascending (empty for identity). */
    List<Integer> ids() {
        return Arrays.stream(ids).boxed().toList();
    }
}
