package dev.wren.model.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of the offline pipeline's {@code manifest.json} that training needs, for one split.
 *
 * @param split "time" (leak-free: train before a cutoff, test after) or "user" (each user's last events held out)
 * @param genreVocabulary every genre, for the user's top-genre slots
 * @param stringIndexerLabels fitted labels of each categorical column (genre1, genre2, genre3), in index order
 * @param bucketBoundaries fitted boundaries of each bucketed count column
 * @param imputedMeans training means of each numeric column (used for missing values), in pipeline order
 * @param recentPositives length of the user's recent-positives list
 * @param topGenres length of the user's top-genres list
 */
public record OfflineManifest(
        String split,
        List<String> genreVocabulary,
        Map<String, List<String>> stringIndexerLabels,
        Map<String, Buckets> bucketBoundaries,
        Map<String, Double> imputedMeans,
        int recentPositives,
        int topGenres) {
    public static final String FILE = "manifest.json";
    public static final List<String> SPLITS = List.of("time", "user");

    public OfflineManifest {
        genreVocabulary = List.copyOf(genreVocabulary);
        stringIndexerLabels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stringIndexerLabels));
        bucketBoundaries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bucketBoundaries));
        imputedMeans = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(imputedMeans));
    }

    /**
     * Reads {@code <dir>/manifest.json} for a split.
     *
     * @throws IllegalArgumentException if the file is missing, malformed, or lacks the split's samples and transforms
     */
    public static OfflineManifest read(Path dir, String split) {
        if (!SPLITS.contains(split)) {
            throw new IllegalArgumentException("unknown split '" + split + "'; splits are " + SPLITS);
        }
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no " + FILE + " in " + dir
                    + ": run `wren offline` first (its --out folder is the samples folder)");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        JsonNode transforms = root.path("transforms").path(split);
        if (transforms.isMissingNode()) {
            throw new IllegalArgumentException(file + " has no samples for split '" + split
                    + "': run `wren offline` with the samples stage, and with --sample-splits " + split
                    + " (or training.split: " + split + ") for a split other than the training split");
        }
        Map<String, List<String>> labels = new LinkedHashMap<>();
        transforms
                .path("stringIndexerLabels")
                .fields()
                .forEachRemaining(e -> labels.put(e.getKey(), strings(e.getValue())));
        Map<String, Buckets> buckets = new LinkedHashMap<>();
        transforms.path("bucketBoundaries").fields().forEachRemaining(e -> {
            List<Double> edges = new ArrayList<>();
            e.getValue().forEach(v -> edges.add(v.isNumber() ? v.asDouble() : Double.parseDouble(v.asText())));
            buckets.put(e.getKey(), new Buckets(edges));
        });
        Map<String, Double> means = new LinkedHashMap<>();
        transforms
                .path("imputedMeans")
                .fields()
                .forEachRemaining(e -> means.put(e.getKey(), e.getValue().asDouble()));
        JsonNode users = root.path("parameters").path("users");
        return new OfflineManifest(
                split,
                strings(root.path("genreVocabulary")),
                labels,
                buckets,
                means,
                users.path("recentPositives").asInt(5),
                users.path("topGenres").asInt(5));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
