package dev.wren.cli;

import dev.wren.cli.config.StoreSection;
import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureStore;
import dev.wren.store.FeatureStores;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wren store info}: a store's versions and the rows of its live one. */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = "Print a feature store's live version, the versions it keeps and the user and item rows of the"
                + " live one.")
final class StoreInfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ConfigKey("store.uri")
    @Option(
            names = "--store",
            paramLabel = "URI",
            description = "The store: embedded:/dir or redis://host:port/db. Default: configuration key store.uri"
                    + " (env WREN_STORE), else embedded:<data home>/store.")
    String store;

    @Mixin
    DataHome home;

    @Mixin
    StoreDimension dimension;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (FeatureStore featureStore =
                FeatureStores.open(StoreSection.uriOrEmbedded(store, home.dir), dimension.schema())) {
            out.println("Store:    " + featureStore);
            out.println("Live:     " + featureStore.liveVersion().orElse("(none)"));
            out.println("Versions: " + String.join(", ", featureStore.versions()));
            if (featureStore.liveVersion().isPresent()) {
                for (EntityKind kind : EntityKind.values()) {
                    long[] rows = {0};
                    featureStore.scan(kind, (id, features) -> rows[0]++);
                    out.printf("%-9s %,d rows%n", kind.name().toLowerCase() + "s:", rows[0]);
                }
            }
        }
        return ExitCodes.OK;
    }
}
