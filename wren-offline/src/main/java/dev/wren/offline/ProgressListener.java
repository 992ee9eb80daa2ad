package dev.wren.offline;

import java.time.Duration;

/**
 * Told when each stage of an offline run starts and ends; the CLI draws its progress bar from this. Called on the
 * driver thread that runs the pipeline.
 */
public interface ProgressListener {
    default void stageStarted(Stage stage) {}

    default void stageFinished(Stage stage, Duration elapsed) {}

    default void stageFailed(Stage stage, Throwable cause) {}

    /** A listener that ignores everything (the pipeline logs each stage itself). */
    static ProgressListener none() {
        return new ProgressListener() {};
    }
}
