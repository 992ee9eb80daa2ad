package dev.wren.eval.experiment;

import java.nio.file.Path;

/** A log line that could not be read: where it is (a file's line, or a Kafka partition's offset) and why. */
public record BadLine(Path file, long line, String reason) {
    @Override
    public String toString() {
        return file + (file.toString().startsWith("kafka:") ? " offset " : " line ") + line + ": " + reason;
    }
}
