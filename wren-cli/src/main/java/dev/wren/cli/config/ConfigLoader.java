package dev.wren.cli.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Builds the effective configuration: the reference file, then a user file, then {@code WREN_*} environment variables,
 * then {@code --set KEY=VALUE} flags, each overriding the one before key by key, bound once into {@link WrenSettings}
 * and checked. The reference file is the schema: a key it does not have is an error, with the nearest known key
 * suggested. Thread-safe once constructed.
 */
public final class ConfigLoader {
    /** The commented reference file, on the class path. */
    public static final String REFERENCE = "/reference.yaml";
    /** The user file looked for in the data home. */
    public static final String USER_FILE = "wren.yaml";
    /** The environment variable naming a user file. */
    public static final String CONFIG_ENV = "WREN_CONFIG";

    static final String REFERENCE_ORIGIN = "reference";
    static final String SET_ORIGIN = "flag --set";

    /** Variables that named these keys before the configuration existed; they keep working. */
    static final Map<String, String> LEGACY_ENV =
            Map.of("store.uri", "WREN_STORE", "kafka.servers", "WREN_KAFKA", "serving.admin-token", "WREN_ADMIN_TOKEN");

    /** Maps whose keys are the user's own (channel names), replaced whole by an override rather than merged. */
    static final Set<String> OPEN_MAPS = Set.of("serving.pipeline.quotas");

    /** WREN_* variables of the launcher and the logs, which are not configuration keys. */
    private static final Set<String> OTHER_ENV = Set.of(
            "WREN_DATA_HOME", "WREN_CONFIG", "WREN_JAVA_OPTS", "WREN_SKIP_BUILD", "WREN_LOG_LEVEL", "WREN_NO_LIVE");

    private final YAMLMapper yaml;
    private final String referenceText;
    private final ObjectNode reference;
    /** Every key (a leaf of the reference tree, or an open map), in the reference file's order. */
    private final Map<String, JsonNode> leaves = new LinkedHashMap<>();

    public ConfigLoader() {
        yaml = YAMLMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .addModule(new Jdk8Module())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
        try (InputStream in = ConfigLoader.class.getResourceAsStream(REFERENCE)) {
            if (in == null) {
                throw new IllegalStateException(REFERENCE + " is not on the class path");
            }
            referenceText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            reference = (ObjectNode) yaml.readTree(referenceText);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + REFERENCE, e);
        }
        collectLeaves(reference, "");
    }

    /** The reference file as written, comments and all. */
    public String referenceText() {
        return referenceText;
    }

    /** Every configuration key, in the reference file's order. */
    public List<String> keys() {
        return List.copyOf(leaves.keySet());
    }

    /** The environment variable of a key: {@code serving.event-log-sync} is {@code WREN_SERVING_EVENT_LOG_SYNC}. */
    public static String envName(String key) {
        return "WREN_" + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /**
     * The user file: {@code --config FILE} when given; else {@code <data home>/wren.yaml} when it exists; else the file
     * {@code $WREN_CONFIG} names.
     */
    public static Optional<Path> userFile(Optional<Path> flag, Path dataHome, Map<String, String> env) {
        if (flag.isPresent()) {
            return flag;
        }
        Path inHome = dataHome.resolve(USER_FILE);
        if (Files.isRegularFile(inHome)) {
            return Optional.of(inHome);
        }
        return Optional.ofNullable(env.get(CONFIG_ENV))
                .filter(s -> !s.isBlank())
                .map(Path::of);
    }

    /** The reference configuration alone. */
    public EffectiveConfig reference() {
        return load(Optional.empty(), Map.of(), List.of());
    }

    /**
     * The effective configuration.
     *
     * @param file the user file, if any
     * @param env the environment
     * @param sets {@code KEY=VALUE} overrides from the command line, applied last in order
     * @throws ConfigException naming the key, the value and where it came from
     */
    public EffectiveConfig load(Optional<Path> file, Map<String, String> env, List<String> sets) {
        ObjectNode tree = reference.deepCopy();
        Map<String, String> origins = new LinkedHashMap<>();
        leaves.keySet().forEach(k -> origins.put(k, REFERENCE_ORIGIN));
        if (file.isPresent()) {
            overlay(tree, readUserFile(file.get()), "", "file " + file.get(), origins);
        }
        List<String> warnings = new ArrayList<>();
        applyEnv(tree, env, origins, warnings);
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq < 1) {
                throw new ConfigException("--set takes KEY=VALUE, e.g. serving.port=9000, got '" + set + "'");
            }
            String key = set.substring(0, eq).strip();
            if (!leaves.containsKey(key)) {
                throw new ConfigException("--set " + set + ": unknown key '" + key + "'" + suggestion(key));
            }
            put(tree, key, fromText(set.substring(eq + 1), leaves.get(key), key, SET_ORIGIN));
            origins.put(key, SET_ORIGIN);
        }
        WrenSettings settings = bind(tree, origins).check();
        return new EffectiveConfig(settings, typed(settings, tree), origins, file, warnings);
    }

    /**
     * The bound values as a tree, so that a value given as text ("9000") shows as what it was read as (9000); open
     * maps are taken as given, in their order.
     */
    private ObjectNode typed(WrenSettings settings, ObjectNode given) {
        ObjectNode typed = yaml.valueToTree(settings);
        for (String key : OPEN_MAPS) {
            put(typed, key, given.at("/" + key.replace('.', '/')));
        }
        return typed;
    }

    private ObjectNode readUserFile(Path file) {
        JsonNode node;
        try {
            node = yaml.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file " + file + " does not exist");
        } catch (JsonProcessingException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getOriginalMessage()
                    + Optional.ofNullable(e.getLocation())
                            .map(l -> " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")")
                            .orElse(""));
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw new ConfigException("configuration file " + file + " must hold sections such as 'serving:', not a "
                    + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return (ObjectNode) node;
    }

    /** Copies {@code user}'s keys over {@code target}, refusing a key the reference does not have. */
    private void overlay(ObjectNode target, JsonNode user, String path, String origin, Map<String, String> origins) {
        for (Map.Entry<String, JsonNode> field : user.properties()) {
            String key = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode known = target.get(field.getKey());
            if (known == null) {
                throw new ConfigException("unknown key '" + key + "' in " + where(origin) + suggestion(key));
            }
            if (known.isObject() && !OPEN_MAPS.contains(key)) {
                if (!field.getValue().isObject()) {
                    throw new ConfigException("'" + key + "' in " + where(origin) + " is a section (" + key + "."
                            + known.fieldNames().next() + ", ...), not a value");
                }
                overlay((ObjectNode) known, field.getValue(), key, origin, origins);
            } else {
                target.set(field.getKey(), field.getValue());
                origins.put(key, origin);
            }
        }
    }

    private void applyEnv(ObjectNode tree, Map<String, String> env, Map<String, String> origins, List<String> warn) {
        Map<String, String> byName = new LinkedHashMap<>();
        leaves.keySet().forEach(k -> byName.put(envName(k), k));
        for (Map.Entry<String, String> legacy : LEGACY_ENV.entrySet()) {
            String value = env.get(legacy.getValue());
            if (value != null && !env.containsKey(envName(legacy.getKey()))) {
                String origin = "env " + legacy.getValue();
                put(tree, legacy.getKey(), fromText(value, leaves.get(legacy.getKey()), legacy.getKey(), origin));
                origins.put(legacy.getKey(), origin);
            }
        }
        for (Map.Entry<String, String> e : byName.entrySet()) {
            String value = env.get(e.getKey());
            if (value != null) {
                String origin = "env " + e.getKey();
                put(tree, e.getValue(), fromText(value, leaves.get(e.getValue()), e.getValue(), origin));
                origins.put(e.getValue(), origin);
            }
        }
        // A misspelt variable would otherwise be ignored without a word.
        List<String> sections = new ArrayList<>();
        reference.fieldNames().forEachRemaining(s -> sections.add(envName(s) + "_"));
        env.keySet().stream()
                .filter(name -> sections.stream().anyMatch(name::startsWith))
                .filter(name -> !byName.containsKey(name) && !OTHER_ENV.contains(name))
                .sorted()
                .forEach(name -> warn.add(name + " is not a configuration key's variable and is ignored"
                        + nearest(name, byName.keySet())
                                .map(n -> "; did you mean " + n + "?")
                                .orElse("")));
    }

    /**
     * A value given as text (an environment variable or {@code --set}), read as the reference's value at the key: a
     * list from comma-separated items or {@code [a, b]}, a map from {@code {a: 1, b: 2}}, a scalar as given (binding
     * checks its type).
     */
    private JsonNode fromText(String text, JsonNode known, String key, String origin) {
        String s = text.strip();
        if (known.isArray()) {
            if (s.startsWith("[")) {
                return parse(s, key, origin);
            }
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            if (!s.isEmpty()) {
                for (String item : s.split(",", -1)) {
                    list.add(item.strip());
                }
            }
            return list;
        }
        if (known.isObject()) {
            JsonNode map = parse(s, key, origin);
            if (!map.isObject()) {
                throw new ConfigException(
                        key + ": expected a map such as {ease: 0.5, als: 0.5}, got '" + text + "' (" + origin + ")");
            }
            return map;
        }
        if (known.isNull() && (s.isEmpty() || s.equals("~") || s.equals("null"))) {
            return NullNode.getInstance();
        }
        return TextNode.valueOf(text);
    }

    private JsonNode parse(String text, String key, String origin) {
        try {
            return yaml.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(key + ": cannot read '" + text + "' (" + origin + "): " + e.getOriginalMessage());
        }
    }

    private WrenSettings bind(ObjectNode tree, Map<String, String> origins) {
        try {
            return yaml.treeToValue(tree, WrenSettings.class);
        } catch (JsonMappingException e) {
            throw new ConfigException(describe(e, tree, origins), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("cannot bind the configuration: " + e.getOriginalMessage(), e);
        }
    }

    /** One sentence naming the key, the value, what was expected and where the value came from. */
    private static String describe(JsonMappingException e, ObjectNode tree, Map<String, String> origins) {
        StringBuilder key = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                key.append(key.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                key.append('[').append(r.getIndex()).append(']');
            }
        }
        String k = key.toString();
        String leaf = k.replaceAll("\\[\\d+]$", "");
        if (e.getCause() instanceof NullPointerException npe && origins.containsKey(npe.getMessage())) {
            return npe.getMessage() + ": needs a value, not null (" + origins.get(npe.getMessage()) + ")";
        }
        JsonNode value = tree.at("/" + k.replace('.', '/').replaceAll("\\[(\\d+)]", "/$1"));
        String expected =
                e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null
                        ? expected(m.getTargetType())
                        : "another value";
        String origin = origins.getOrDefault(leaf, origins.getOrDefault(k, "configuration"));
        String got = value.isMissingNode() ? "" : ", got " + (value.isTextual() ? "'" + value.asText() + "'" : value);
        return k + ": expected " + expected + got + " (" + origin + ")";
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list such as [a, b]";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a map such as {a: 1}";
        }
        return "a section of keys";
    }

    private void collectLeaves(JsonNode node, String path) {
        if (node.isObject() && !OPEN_MAPS.contains(path)) {
            node.properties()
                    .forEach(f -> collectLeaves(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey()));
        } else {
            leaves.put(path, node);
        }
    }

    private static void put(ObjectNode tree, String key, JsonNode value) {
        String[] parts = key.split("\\.");
        ObjectNode parent = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        parent.set(parts[parts.length - 1], value);
    }

    private String suggestion(String key) {
        List<String> known = new ArrayList<>(leaves.keySet());
        for (String k : leaves.keySet()) {
            for (int dot = k.indexOf('.'); dot > 0; dot = k.indexOf('.', dot + 1)) {
                known.add(k.substring(0, dot));
            }
        }
        return nearest(key, known).map(n -> "; did you mean '" + n + "'?").orElse("");
    }

    /** The known name closest to {@code name} by edit distance, when it is close enough to be a likely typo. */
    private static Optional<String> nearest(String name, java.util.Collection<String> known) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        return known.stream()
                .distinct()
                .min(Comparator.comparingInt((String k) -> distance.apply(name, k))
                        .thenComparing(Comparator.naturalOrder()))
                .filter(k -> distance.apply(name, k) <= Math.max(2, name.length() / 4));
    }

    private static String where(String origin) {
        return origin.startsWith("file ") ? origin.substring(5) : origin;
    }
}
