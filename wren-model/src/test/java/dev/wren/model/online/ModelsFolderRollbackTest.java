package dev.wren.model.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsFolderRollbackTest {
    @TempDir
    Path root;

    private Path version(int n) throws IOException {
        Path dir = Files.createDirectories(root.resolve("deepfm").resolve("v" + n));
        Files.writeString(dir.resolve("bundle.json"), "{}");
        return dir;
    }

    private Path served() throws IOException {
        return ModelsFolder.newest(root.resolve("deepfm"), Set.of()).orElseThrow();
    }

    @Test
    void rollsBackOneVersionAtATimeAndNeverServesARetiredOne() throws IOException {
        Path v1 = version(1);
        Path v2 = version(2);
        Path v3 = version(3);
        assertThat(served()).isEqualTo(v3);

        assertThat(ModelsFolder.rollback(root, "deepfm", OptionalInt.empty())).isEqualTo(v2);
        assertThat(served()).isEqualTo(v2);
        assertThat(ModelsFolder.retired(v3)).isTrue();

        assertThat(ModelsFolder.rollback(root, "deepfm", OptionalInt.empty())).isEqualTo(v1);
        assertThat(served()).isEqualTo(v1);
        assertThat(ModelsFolder.retired(v2)).isTrue();

        // Nothing older than v1 to go back to.
        assertThatThrownBy(() -> ModelsFolder.rollback(root, "deepfm", OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no older version");

        // A version saved after a rollback takes the next number and is served.
        Path v4 = version(4);
        assertThat(served()).isEqualTo(v4);
    }

    @Test
    void rollsToAGivenVersionBackwardsAndForwards() throws IOException {
        Path v1 = version(1);
        version(2);
        Path v3 = version(3);
        assertThat(ModelsFolder.rollback(root, "deepfm", OptionalInt.of(1))).isEqualTo(v1);
        assertThat(served()).isEqualTo(v1);

        assertThat(ModelsFolder.rollback(root, "deepfm", OptionalInt.of(3))).isEqualTo(v3);
        assertThat(served()).isEqualTo(v3);
        assertThat(ModelsFolder.retired(v3)).isFalse();
        assertThat(ModelsFolder.retired(root.resolve("deepfm/v2"))).isTrue();

        assertThatThrownBy(() -> ModelsFolder.rollback(root, "deepfm", OptionalInt.of(9)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no version v9");
    }

    @Test
    void theServedEntriesSkipRetiredVersions() throws IOException {
        version(1);
        version(2);
        ModelsFolder.rollback(root, "deepfm", OptionalInt.empty());
        assertThat(ModelsFolder.newest(root.resolve("deepfm"), Set.of())).contains(root.resolve("deepfm/v1"));
        assertThat(ModelsFolder.versions(root.resolve("deepfm"))).hasSize(2);
    }

    @Test
    void refusesAnIncompleteTarget() throws IOException {
        version(1);
        version(2);
        Files.delete(root.resolve("deepfm/v1/bundle.json"));
        assertThatThrownBy(() -> ModelsFolder.rollback(root, "deepfm", OptionalInt.empty()))
                .hasMessageContaining("not a complete version");
        assertThat(served()).isEqualTo(root.resolve("deepfm/v2"));
    }
}
