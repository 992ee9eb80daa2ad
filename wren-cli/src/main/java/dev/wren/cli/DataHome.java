package dev.wren.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --data-home} option, one definition mixed into every command that reads or writes under Wren's data home:
 * downloads, generated datasets, the offline output, the embedded store and the model bundles all default to folders
 * under it.
 */
final class DataHome {
    @Option(
            names = "--data-home",
            paramLabel = "DIR",
            defaultValue = "${env:WREN_DATA_HOME:-data}",
            description = "Wren's data home: downloads, generated datasets, offline output, the embedded store and"
                    + " model bundles go under it by default (env WREN_DATA_HOME). Default: ${DEFAULT-VALUE}.")
    Path dir;

    /** A folder under the data home. */
    Path resolve(String child) {
        return dir.resolve(child);
    }
}
