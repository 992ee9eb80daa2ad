package dev.wren.eval;

import dev.wren.core.model.Item;
import dev.wren.data.movielens.MovieLensReader;
import dev.wren.data.movielens.ReadOptions;
import dev.wren.eval.data.ItemSpace;
import dev.wren.eval.data.RatingLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A MovieLens folder read for evaluation: the catalogue and every valid rating.
 *
 * @param dir where it was read from
 * @param items the catalogue, in file order
 * @param ratings every valid rating
 */
public record EvalDataset(Path dir, Map<Integer, Item> items, RatingLog ratings) {
    public static EvalDataset read(Path dir) {
        MovieLensReader reader = MovieLensReader.open(dir, ReadOptions.lenient());
        RatingLog ratings = RatingLog.read(reader);
        return new EvalDataset(dir, reader.items(), ratings);
    }

    /** Every catalogue item, with a slot each. */
    public ItemSpace itemSpace() {
        return new ItemSpace(items.keySet());
    }

    public List<Item> catalogue() {
        return List.copyOf(items.values());
    }
}
