package dev.wren.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.NumericField;
import dev.wren.model.data.Side;
import java.util.Arrays;
import java.util.List;

/**
 * Two-tower retrieval model: a user tower over the user's fields, numerics and mean-pooled recent items, an item tower
 * over the item's fields and numerics, both L2-normalised. Each tower reads the fields its spec names, or every field
 * of its side (the user tower: and the recent items) when it names none. Outputs the logit cos(u, v) / temperature,
 * then u and v / temperature (for in-batch negatives in training and for building an item index: u . v' is the logit).
 */
final class TwoTower extends RankingBlock {
    private final int[] userColumns;
    private final int[] itemColumns;
    private final int[] userNumeric;
    private final int[] itemNumeric;
    private final int itemColumn;
    private final boolean hasSequence;
    private final float temperature;
    private final EmbeddingTable embeddings;
    private final Mlp userTower;
    private final Dense userOut;
    private final Mlp itemTower;
    private final Dense itemOut;

    /**
     * @param userFields the fields the user tower reads (categorical, numeric, or the sequence); empty: all USER fields
     *     and the sequence
     * @param itemFields the fields the item tower reads; empty: all ITEM fields
     */
    TwoTower(
            FeatureLayout layout,
            int embeddingDim,
            List<Integer> towerHidden,
            int outputDim,
            float temperature,
            List<String> userFields,
            List<String> itemFields) {
        super(layout);
        check(layout, userFields, Side.USER);
        check(layout, itemFields, Side.ITEM);
        this.userColumns = chosen(layout.categoricalColumns(Side.USER), layout.categoricalNames(), userFields);
        this.itemColumns = chosen(layout.categoricalColumns(Side.ITEM), layout.categoricalNames(), itemFields);
        if (userColumns.length == 0 || itemColumns.length == 0) {
            throw new IllegalArgumentException("two-tower needs categorical fields on both the USER and ITEM side");
        }
        List<String> numericNames =
                layout.numeric().stream().map(NumericField::name).toList();
        this.userNumeric = chosen(layout.numericColumns(Side.USER), numericNames, userFields);
        this.itemNumeric = chosen(layout.numericColumns(Side.ITEM), numericNames, itemFields);
        this.hasSequence = layout.sequence().isPresent()
                && (userFields.isEmpty()
                        || userFields.contains(layout.sequence().get().name()));
        this.itemColumn = hasSequence ? layout.itemIdIndex("two-tower") : -1;
        this.temperature = temperature;
        // Without a sequence the table is looked up once per step, so a large one can train row-sparse; with one, the
        // item column is looked up twice and the table stays dense.
        this.embeddings = addChildBlock(
                "embeddings",
                hasSequence
                        ? new EmbeddingTable(vocabularySizes(layout), embeddingDim, false)
                        : new EmbeddingTable(vocabularySizes(layout), embeddingDim));
        long userWidth =
                (long) userColumns.length * embeddingDim + userNumeric.length + (hasSequence ? embeddingDim : 0);
        long itemWidth = (long) itemColumns.length * embeddingDim + itemNumeric.length;
        this.userTower = addChildBlock("userTower", new Mlp(userWidth, towerHidden, 0f));
        this.userOut = addChildBlock("userOut", new Dense(userTower.outputWidth(), outputDim));
        this.itemTower = addChildBlock("itemTower", new Mlp(itemWidth, towerHidden, 0f));
        this.itemOut = addChildBlock("itemOut", new Dense(itemTower.outputWidth(), outputDim));
    }

    private static int[] chosen(int[] columns, List<String> names, List<String> fields) {
        return fields.isEmpty()
                ? columns
                : Arrays.stream(columns)
                        .filter(c -> fields.contains(names.get(c)))
                        .toArray();
    }

    private static void check(FeatureLayout layout, List<String> fields, Side side) {
        for (String name : fields) {
            boolean sequence = side == Side.USER
                    && layout.sequence().map(q -> q.name().equals(name)).orElse(false);
            boolean categorical =
                    layout.categorical().stream().anyMatch(f -> f.name().equals(name) && f.side() == side);
            boolean numeric = layout.numeric().stream().anyMatch(f -> f.name().equals(name) && f.side() == side);
            if (!sequence && !categorical && !numeric) {
                throw new IllegalArgumentException(
                        "two-tower: the layout has no " + side + " field '" + name + "' for the " + side + " tower");
            }
        }
    }

    EmbeddingTable embeddings() {
        return embeddings;
    }

    /** The categorical columns the user tower embeds, in layout order. */
    int[] userColumns() {
        return userColumns.clone();
    }

    /** The numeric columns the user tower reads, in layout order. */
    int[] userNumeric() {
        return userNumeric.clone();
    }

    Mlp userTower() {
        return userTower;
    }

    Dense userOut() {
        return userOut;
    }

    /** The item id column the recent items are embedded as, or -1 without a sequence. */
    int itemColumn() {
        return itemColumn;
    }

    @Override
    NDList run(ParameterStore store, Inputs in, boolean training) {
        NDArray fields = embeddings.embedAll(store, in.categorical(), training);
        NDArray userX = Tensors.flatten(Tensors.pick(fields, userColumns));
        if (userNumeric.length > 0) {
            userX = Tensors.concat(userX, Tensors.pick(in.numeric(), userNumeric));
        }
        if (hasSequence) {
            NDArray history = embeddings.embedColumn(store, in.sequence(), itemColumn, training);
            userX = Tensors.concat(userX, Tensors.maskedMean(history, in.mask()));
        }
        NDArray itemX = Tensors.flatten(Tensors.pick(fields, itemColumns));
        if (itemNumeric.length > 0) {
            itemX = Tensors.concat(itemX, Tensors.pick(in.numeric(), itemNumeric));
        }
        NDArray u = normalise(userOut.forward(store, new NDList(userTower.apply(store, userX, training)), training)
                .singletonOrThrow());
        NDArray v = normalise(itemOut.forward(store, new NDList(itemTower.apply(store, itemX, training)), training)
                .singletonOrThrow());
        NDArray scaledV = v.div(temperature);
        NDArray logit = u.mul(scaledV).sum(new int[] {1}, true);
        return new NDList(logit, u, scaledV);
    }

    private static NDArray normalise(NDArray x) {
        return x.div(x.norm(new int[] {1}, true).add(1e-8f));
    }
}
