package dev.wren.cli;

import dev.wren.offline.Stage;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;

/** {@code wren features}: the offline pipeline's feature and sample stages only. */
@Command(
        name = "features",
        mixinStandardHelpOptions = true,
        description = {
            "Compute item features, point-in-time user features and labelled samples (time split and leave-last-n),"
                    + " fit the feature transforms, write Parquet and the manifest, and publish the serving features.",
        })
final class FeaturesCommand extends OfflineCommand {
    @Override
    Set<Stage> stages() {
        return EnumSet.of(Stage.READ, Stage.FEATURES, Stage.SAMPLES, Stage.STATS);
    }
}
