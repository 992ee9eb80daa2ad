package dev.wren.cli;

import dev.wren.core.store.FeatureSchema;
import picocli.CommandLine.Option;

/** The {@code --dim} option, one definition mixed into every command that opens the feature store by its schema. */
final class StoreDimension {
    @ConfigKey("store.dimension")
    @Option(
            names = "--dim",
            paramLabel = "N",
            description = "Embedding dimension of the store. Default: ${DEFAULT-VALUE} (configuration key"
                    + " store.dimension).")
    int value;

    /** The store's standard schema at this dimension. */
    FeatureSchema schema() {
        return FeatureSchema.standard(value);
    }
}
