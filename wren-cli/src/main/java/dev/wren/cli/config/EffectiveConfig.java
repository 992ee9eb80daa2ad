package dev.wren.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The configuration in force: the bound {@link WrenSettings}, the value tree they were bound from, and where each key's
 * value came from ({@code reference}, {@code file PATH}, {@code env NAME} or {@code flag --set}). Immutable.
 */
public final class EffectiveConfig {
    private final WrenSettings settings;
    private final ObjectNode tree;
    private final Map<String, String> origins;
    private final Optional<Path> file;
    private final List<String> warnings;
    private final List<String> keys;

    EffectiveConfig(
            WrenSettings settings,
            ObjectNode tree,
            Map<String, String> origins,
            Optional<Path> file,
            List<String> warnings) {
        this.settings = settings;
        this.tree = tree.deepCopy();
        this.origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
        this.keys = List.copyOf(origins.keySet());
        this.file = file;
        this.warnings = List.copyOf(warnings);
    }

    public WrenSettings settings() {
        return settings;
    }

    /** The user file that was read, if any. */
    public Optional<Path> file() {
        return file;
    }

    /** Environment variables that looked like configuration keys but were not, for the user to see. */
    public List<String> warnings() {
        return warnings;
    }

    /** Every key, in the reference file's order. */
    public List<String> keys() {
        return keys;
    }

    /** Where the value of {@code key} came from. */
    public String origin(String key) {
        String origin = origins.get(key);
        if (origin == null) {
            throw new IllegalArgumentException("no configuration key '" + key + "'");
        }
        return origin;
    }

    /** The value at {@code key} (a dotted path, which may reach into a map such as the quotas), or missing. */
    public JsonNode value(String key) {
        return tree.at("/" + key.replace('.', '/')).deepCopy();
    }

    /**
     * The value at {@code key} as a command-line option would take it: a scalar's text, a list's items joined by
     * commas; empty for null and for empty text, which leave an option to its own default.
     *
     * @throws IllegalArgumentException when there is no such key
     */
    public Optional<String> text(String key) {
        JsonNode node = value(key);
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("no configuration key '" + key + "'");
        }
        if (node.isNull() || (node.isTextual() && node.asText().isEmpty())) {
            return Optional.empty();
        }
        if (node.isArray()) {
            return Optional.of(StreamSupport.stream(node.spliterator(), false)
                    .map(JsonNode::asText)
                    .collect(Collectors.joining(",")));
        }
        if (node.isContainerNode()) {
            throw new IllegalArgumentException("configuration key '" + key + "' is a map, not one value");
        }
        return Optional.of(node.asText());
    }
}
