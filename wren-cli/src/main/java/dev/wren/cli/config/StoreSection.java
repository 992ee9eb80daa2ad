package dev.wren.cli.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code store} section: the feature store every tier shares.
 *
 * @param uri {@code embedded:/dir}, {@code redis://host:port/db} or {@code memory:}; empty for the embedded store under
 *     the data home
 * @param dimension the embedding dimension of the store's schema, the same offline, at serving and in the stream job
 */
public record StoreSection(String uri, int dimension) {
    public StoreSection {
        Objects.requireNonNull(uri, "store.uri");
    }

    /** The store's URI: {@code uri} when given, else the embedded store under {@code dataHome}. */
    public static String uriOrEmbedded(String uri, Path dataHome) {
        return uri == null || uri.isBlank()
                ? "embedded:" + dataHome.resolve("store").toAbsolutePath()
                : uri;
    }
}
