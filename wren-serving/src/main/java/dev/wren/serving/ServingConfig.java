package dev.wren.serving;

import dev.wren.serving.ab.Experiment;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@link WrenServer#start} needs.
 *
 * @param dataDir a MovieLens folder (any layout {@code wren-data} reads)
 * @param storeUri the feature store, e.g. {@code memory:} or {@code redis://localhost:6379/0}
 * @param port the HTTP port; 0 picks a free one
 * @param postersDir a folder of {@code <movieId>.jpg} posters, when there is one
 * @param eventLog the JSON-lines event log (see EVENT_LOG.md in this module); created when absent
 * @param embeddingDimension the dimension of item and user embeddings in the store's schema
 * @param pipeline the default pipeline
 * @param experiments the A/B experiments, each splitting all users independently
 */
public record ServingConfig(
        Path dataDir,
        String storeUri,
        int port,
        Optional<Path> postersDir,
        Path eventLog,
        int embeddingDimension,
        PipelineSettings pipeline,
        List<Experiment> experiments) {
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_DIMENSION = 32;

    public ServingConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(storeUri, "storeUri");
        Objects.requireNonNull(postersDir, "postersDir");
        Objects.requireNonNull(eventLog, "eventLog");
        Objects.requireNonNull(pipeline, "pipeline");
        experiments = List.copyOf(experiments);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (embeddingDimension < 1) {
            throw new IllegalArgumentException("embeddingDimension must be positive, got " + embeddingDimension);
        }
        long names = experiments.stream().map(Experiment::name).distinct().count();
        if (names != experiments.size()) {
            throw new IllegalArgumentException("experiment names must be unique");
        }
    }

    /** Defaults: in-memory store, port 8080, no posters, the default pipeline, no experiments. */
    public static ServingConfig of(Path dataDir, Path eventLog) {
        return new ServingConfig(
                dataDir,
                "memory:",
                DEFAULT_PORT,
                Optional.empty(),
                eventLog,
                DEFAULT_DIMENSION,
                PipelineSettings.defaults(),
                List.of());
    }

    public ServingConfig withPort(int newPort) {
        return new ServingConfig(
                dataDir, storeUri, newPort, postersDir, eventLog, embeddingDimension, pipeline, experiments);
    }

    public ServingConfig withPosters(Path dir) {
        return new ServingConfig(
                dataDir, storeUri, port, Optional.of(dir), eventLog, embeddingDimension, pipeline, experiments);
    }

    public ServingConfig withExperiments(List<Experiment> list) {
        return new ServingConfig(dataDir, storeUri, port, postersDir, eventLog, embeddingDimension, pipeline, list);
    }

    public ServingConfig withStore(String uri) {
        return new ServingConfig(dataDir, uri, port, postersDir, eventLog, embeddingDimension, pipeline, experiments);
    }
}
