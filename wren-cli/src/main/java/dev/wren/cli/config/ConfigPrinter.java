package dev.wren.cli.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;

/**
 * Writes an effective configuration as YAML that reads back as a user file, each value optionally followed by where
 * it came from. Secrets are never written: the admin token shows only whether it is set, and a store URI's password is
 * masked. Thread-safe.
 */
public final class ConfigPrinter {
    private static final Set<String> SECRETS = Set.of("serving.admin-token");
    private static final Pattern URI_PASSWORD = Pattern.compile("(://[^:/@]*:)[^@/]+@");

    /** Flow style renders a list or map value on its key's line, where the origin comment can follow it. */
    private final YAMLMapper flow;

    public ConfigPrinter() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.FLOW);
        options.setWidth(Integer.MAX_VALUE);
        flow = new YAMLMapper(YAMLFactory.builder()
                .dumperOptions(options)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .build());
    }

    /** The configuration as YAML, with {@code # origin} after each value when {@code withOrigins}. */
    public String yaml(EffectiveConfig config, boolean withOrigins) {
        StringBuilder out = new StringBuilder();
        String[] section = new String[0];
        for (String key : config.keys()) {
            String[] parts = key.split("\\.");
            int common = 0;
            while (common < Math.min(section.length, parts.length - 1) && section[common].equals(parts[common])) {
                common++;
            }
            if (common == 0 && out.length() > 0) {
                out.append('\n');
            }
            for (int i = common; i < parts.length - 1; i++) {
                out.append("  ".repeat(i)).append(parts[i]).append(":\n");
            }
            section = Arrays.copyOf(parts, parts.length - 1);
            String indent = "  ".repeat(parts.length - 1);
            String name = parts[parts.length - 1];
            String origin = withOrigins ? "  # " + config.origin(key) : "";
            JsonNode value = config.value(key);
            if (SECRETS.contains(key) && !value.asText().isEmpty()) {
                out.append(indent)
                        .append("# ")
                        .append(name)
                        .append(": (set, not printed)")
                        .append(origin);
            } else {
                out.append(indent)
                        .append(name)
                        .append(": ")
                        .append(render(key, value))
                        .append(origin);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private String render(String key, JsonNode value) {
        if (value.isTextual() && value.asText().isEmpty()) {
            return "\"\""; // SnakeYAML would open a document ("--- ") for an empty root scalar
        }
        try {
            String text = flow.writeValueAsString(value).strip();
            return key.equals("store.uri") ? URI_PASSWORD.matcher(text).replaceAll("$1***@") : text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the value of " + key, e);
        }
    }
}
