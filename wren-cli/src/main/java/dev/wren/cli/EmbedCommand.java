package dev.wren.cli;

import dev.wren.offline.Stage;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;

/** {@code wren embed}: the offline pipeline's embedding stages only. */
@Command(
        name = "embed",
        mixinStandardHelpOptions = true,
        description = {
            "Train Item2vec, DeepWalk and Node2vec item embeddings and recency-weighted user embeddings, evaluate"
                    + " next-item hit rate@10 against popularity, fit the collaborative filters (implicit ALS factors,"
                    + " EASE neighbours), find similar items with LSH, and publish.",
        })
final class EmbedCommand extends OfflineCommand {
    @Override
    Set<Stage> stages() {
        return EnumSet.of(Stage.READ, Stage.FEATURES, Stage.EMBED, Stage.CF, Stage.SIMILAR);
    }
}
