package dev.wren.cli;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.store.FeatureStores;
import dev.wren.store.SnapshotCopy;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wren store copy}: one store's live snapshot, published into another. */
@Command(
        name = "copy",
        mixinStandardHelpOptions = true,
        description = {
            "Copy the live snapshot of one feature store into another as a new version there, made live in one"
                    + " switch: e.g. an embedded store that `wren offline` filled, into the Redis a production server"
                    + " reads. The target's other versions stay (`wren offline` retention applies on its next"
                    + " publish).",
            "Example: wren store copy --from embedded:data/store --to redis://localhost:6379/0",
        })
final class StoreCopyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "URI", required = true, description = "The store to read.")
    String from;

    @Option(names = "--to", paramLabel = "URI", required = true, description = "The store to write.")
    String to;

    @Option(
            // Not --version: that is the standard help options' name, and taking it hid -h/--help as well.
            names = "--snapshot",
            paramLabel = "NAME",
            description = "The new version's name in the target. Default: the source's live version.")
    String version;

    @Mixin
    StoreDimension dimension;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        FeatureSchema schema = dimension.schema();
        long started = System.nanoTime();
        try (FeatureStore source = FeatureStores.open(from, schema);
                FeatureStore target = FeatureStores.open(to, schema);
                ProgressBar bar = new ProgressBarBuilder()
                        .setTaskName("Copying rows")
                        .setStyle(ProgressBarStyle.ASCII)
                        .setInitialMax(-1)
                        .setUpdateIntervalMillis(500)
                        .build()) {
            String name = version != null
                    ? version
                    : source.liveVersion()
                            .orElseThrow(() -> new WrenUserException(
                                    "the store " + from + " has no live version: nothing to copy", ExitCodes.FAILURE));
            SnapshotCopy.Copied copied;
            try {
                copied = SnapshotCopy.copy(source, target, name, bar::stepTo);
            } catch (IllegalStateException e) {
                throw new WrenUserException(e.getMessage(), ExitCodes.FAILURE, e);
            }
            bar.close();
            out.printf(
                    "Copied version %s into %s: %,d user rows and %,d item rows in %.1f s%n",
                    copied.version(),
                    target,
                    copied.rows().get(EntityKind.USER),
                    copied.rows().get(EntityKind.ITEM),
                    Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
        }
        return ExitCodes.OK;
    }
}
