package dev.wren.store;

import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.store.embedded.EmbeddedFeatureStore;
import dev.wren.store.redis.RedisFeatureStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Opens the feature store that a URI names:
 *
 * <ul>
 *   <li>{@code memory:} the embedded store, transient (as a {@link URI}, which needs something after the colon:
 *       {@code memory:transient});
 *   <li>{@code embedded:/path/to/dir}, {@code file:/path/to/dir} or a bare path: the embedded store persisted there;
 *   <li>{@code redis://[user:password@]host:port/db}: Redis.
 * </ul>
 *
 * <p>An embedded folder that this process already has open through here is shared, not refused: each open gets its
 * own handle, and the store closes with the last one.
 */
public final class FeatureStores {
    /**
     * The embedded folders open in this process: a second open of a folder shares the store (see
     * {@link SharedFolders}), so that the server and the stream job of {@code wren demo} can use one embedded store.
     */
    private static final SharedFolders FOLDERS = new SharedFolders();

    private static final String KNOWN =
            "memory:, embedded:/path/to/dir, file:/path/to/dir, a bare path," + " or redis://host:port/db";

    private FeatureStores() {}

    public static FeatureStore open(URI uri, FeatureSchema schema) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(schema, "schema");
        String scheme = uri.getScheme();
        if (scheme == null) {
            return FOLDERS.open(Path.of(uri.getPath()), schema);
        }
        switch (scheme.toLowerCase()) {
            case "memory":
                return EmbeddedFeatureStore.inMemory(schema);
            case "embedded":
                return FOLDERS.open(embeddedPath(uri), schema);
            case "file":
                return FOLDERS.open(Path.of(uri), schema);
            case "redis":
            case "rediss":
                return RedisFeatureStore.open(uri, schema);
            default:
                throw new IllegalArgumentException(
                        "unknown feature store URI scheme '" + scheme + "' in " + redacted(uri) + "; use " + KNOWN);
        }
    }

    /**
     * Opens a store from a configuration string: a URI with a scheme, or else a bare path (which may hold characters,
     * such as spaces, that a URI would refuse).
     */
    public static FeatureStore open(String location, FeatureSchema schema) {
        Objects.requireNonNull(location, "location");
        if (location.isBlank()) {
            throw new IllegalArgumentException("empty feature store location; use " + KNOWN);
        }
        if (location.equalsIgnoreCase("memory:")) {
            return EmbeddedFeatureStore.inMemory(schema); // java.net.URI refuses a scheme with nothing after it
        }
        if (location.regionMatches(true, 0, "embedded:", 0, 9)) {
            return FOLDERS.open(Path.of(location.substring(9)), schema); // a raw path, spaces and all
        }
        if (location.matches("[a-zA-Z][a-zA-Z0-9+.-]+:.*")) {
            try {
                return open(new URI(location), schema);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("bad feature store URI: " + e.getReason() + "; use " + KNOWN, e);
            }
        }
        return FOLDERS.open(Path.of(location), schema);
    }

    private static Path embeddedPath(URI uri) {
        String path = uri.isOpaque() ? uri.getSchemeSpecificPart() : uri.getPath();
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("embedded: needs a folder, e.g. embedded:/var/lib/wren/store");
        }
        return Path.of(path);
    }

    private static String redacted(URI uri) {
        return uri.getUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo(), "***");
    }
}
