package dev.wren.serving.pipeline;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything a request reads, immutable, so one atomic reference switch swaps it whole.
 *
 * @param data the loaded data
 * @param stages the pipeline stages built over it
 * @param loadedAt when it finished loading
 */
public record ServingState(ServingData data, StageFactories.Stages stages, Instant loadedAt) {
    public ServingState {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(stages, "stages");
        Objects.requireNonNull(loadedAt, "loadedAt");
    }

    public String version() {
        return data.version();
    }

    /** Releases the native models; only once no request reads this state any more. */
    public void close() {
        data.models().close();
    }
}
