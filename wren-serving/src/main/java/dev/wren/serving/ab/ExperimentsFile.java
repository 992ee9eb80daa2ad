package dev.wren.serving.ab;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads experiments from a JSON file:
 *
 * <pre>{@code
 * {"experiments": [
 *   {"name": "ranker", "variants": [
 *     {"name": "control", "share": 0.5},
 *     {"name": "recall-only", "share": 0.5, "ranker": "recall", "reranker": "top", "channels": ["item-cf", "popular"]}
 *   ]}
 * ]}
 * }</pre>
 *
 * A variant's {@code channels}, {@code ranker} and {@code reranker} are optional: what it leaves out comes from the
 * default pipeline. Stage names are checked when the server starts.
 */
public final class ExperimentsFile {
    private record Root(List<Experiment> experiments) {}

    private ExperimentsFile() {}

    /**
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static List<Experiment> read(Path file) {
        ObjectMapper json = new ObjectMapper()
                .registerModule(new Jdk8Module())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);
        try {
            Root root = json.readValue(file.toFile(), Root.class);
            return root.experiments() == null ? List.of() : List.copyOf(root.experiments());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read experiments from " + file + ": " + e.getMessage(), e);
        }
    }
}
