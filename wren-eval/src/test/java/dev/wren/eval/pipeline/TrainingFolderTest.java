package dev.wren.eval.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.model.Item;
import dev.wren.data.movielens.MovieLensReader;
import dev.wren.eval.data.RatingLog;
import dev.wren.eval.split.Split;
import dev.wren.eval.split.SplitMethod;
import dev.wren.eval.split.SplitSpec;
import dev.wren.eval.split.Splitter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingFolderTest {
    @TempDir
    Path dir;

    @Test
    void thePipelineReadsEveryTrainingRatingAndNoHeldOutOne() {
        RatingLog.Builder b = RatingLog.builder();
        for (int u = 1; u <= 30; u++) {
            for (int i = 1; i <= 12; i++) {
                if ((u + i) % 3 != 0) {
                    b.add(u, i, 1 + (u * i) % 5, 1_000_000L + i * 100 + u);
                }
            }
        }
        List<Item> catalogue = IntStream.rangeClosed(1, 15)
                .mapToObj(i -> new Item(i, "Movie " + i, OptionalInt.of(1990 + i), List.of("Drama")))
                .toList();
        for (SplitMethod method : SplitMethod.values()) {
            Split split = Splitter.split(b.build(), SplitSpec.defaults(method, 7));
            Path folder = PipelineFit.writeTrainingFolder(catalogue, split.train(), dir.resolve(method.label()));

            MovieLensReader reader = MovieLensReader.open(folder);
            Set<Long> read = new HashSet<>();
            reader.forEachRating((user, item, rating, ts) -> read.add((long) user << 32 | item));
            assertThat(pairs(split.test())).as(method.label()).isNotEmpty();
            assertThat(read).as(method.label()).isEqualTo(pairs(split.train()));
            assertThat(read).as(method.label()).doesNotContainAnyElementsOf(pairs(split.test()));
            // The whole catalogue stays: items never rated in training can still be recommended.
            assertThat(reader.items()).hasSize(15);
        }
    }

    private static Set<Long> pairs(RatingLog log) {
        Set<Long> out = new HashSet<>();
        for (int r = 0; r < log.size(); r++) {
            out.add((long) log.user(r) << 32 | log.item(r));
        }
        return out;
    }
}
