package dev.wren.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the effective configuration is built: reference < user file < environment < flags, and what is refused. */
class ConfigLoaderTest {
    @TempDir
    Path tmp;

    private final ConfigLoader loader = new ConfigLoader();

    private Path file(String yaml) throws IOException {
        Path f = tmp.resolve("wren.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void aUserFileOverridesTheReferenceKeyByKeyAndLeavesTheRest() throws IOException {
        Path f = file("serving:\n  port: 9000\n  pipeline:\n    channels: [ease, popular]\n");
        EffectiveConfig config = loader.load(Optional.of(f), Map.of(), List.of());
        assertThat(config.settings().serving().port()).isEqualTo(9000);
        assertThat(config.settings().serving().pipeline().channels()).containsExactly("ease", "popular");
        assertThat(config.settings().serving().host()).isEqualTo("127.0.0.1");
        assertThat(config.origin("serving.port")).isEqualTo("file " + f);
        assertThat(config.origin("serving.host")).isEqualTo("reference");
    }

    @Test
    void oneDefinitionOfAPositiveReachesOfflineServingAndStream() throws IOException {
        Path f = file("features:\n  positive-threshold: 4.0\n");
        WrenSettings s = loader.load(Optional.of(f), Map.of(), List.of()).settings();
        Path p = Path.of("/d");
        assertThat(s.offlineConfig(p, p).users().positiveThreshold()).isEqualTo(4.0);
        assertThat(s.offlineConfig(p, p).samples().labelThreshold()).isEqualTo(4.0);
        assertThat(s.pipelineSettings().userFeatures().positiveThreshold()).isEqualTo(4.0);
        assertThat(s.streamConfig(p, p, "embedded:/s", 32).rules().positiveThreshold())
                .isEqualTo(4.0);
    }

    @Test
    void theEnvironmentOverridesTheFileAndFlagsOverrideTheEnvironment() throws IOException {
        Path f = file("serving:\n  port: 9000\n  host: 0.0.0.0\n");
        Map<String, String> env = Map.of("WREN_SERVING_PORT", "9100", "WREN_SERVING_PIPELINE_CHANNELS", "als, ease");
        EffectiveConfig config = loader.load(Optional.of(f), env, List.of("serving.port=9200"));
        assertThat(config.settings().serving().port()).isEqualTo(9200);
        assertThat(config.origin("serving.port")).isEqualTo("flag --set");
        assertThat(config.settings().serving().host()).isEqualTo("0.0.0.0");
        assertThat(config.settings().serving().pipeline().channels()).containsExactly("als", "ease");
        assertThat(config.origin("serving.pipeline.channels")).isEqualTo("env WREN_SERVING_PIPELINE_CHANNELS");

        EffectiveConfig noFlag = loader.load(Optional.of(f), env, List.of());
        assertThat(noFlag.settings().serving().port()).isEqualTo(9100);
        assertThat(noFlag.origin("serving.port")).isEqualTo("env WREN_SERVING_PORT");
    }

    @Test
    void theVariablesFromBeforeTheConfigurationStillWork() {
        EffectiveConfig config = loader.load(
                Optional.empty(),
                Map.of("WREN_STORE", "redis://localhost:6379/0", "WREN_KAFKA", "b:9092", "WREN_ADMIN_TOKEN", "s3cret"),
                List.of());
        assertThat(config.settings().store().uri()).isEqualTo("redis://localhost:6379/0");
        assertThat(config.settings().kafka().servers()).isEqualTo("b:9092");
        assertThat(config.settings().serving().adminToken()).isEqualTo("s3cret");
        assertThat(config.origin("store.uri")).isEqualTo("env WREN_STORE");
        // The key's own variable wins over the old name.
        assertThat(loader.load(
                                Optional.empty(),
                                Map.of("WREN_STORE", "memory:", "WREN_STORE_URI", "embedded:/x"),
                                List.of())
                        .settings()
                        .store()
                        .uri())
                .isEqualTo("embedded:/x");
    }

    @Test
    void mapsAndNullsCanBeSetFromText() {
        EffectiveConfig config = loader.load(
                Optional.empty(),
                Map.of("WREN_SERVING_PIPELINE_QUOTAS", "{ease: 0.5, als: 0.5}", "WREN_TRAINING_EPOCHS", "3"),
                List.of("stream.ctr-window=120", "training.epochs=~"));
        assertThat(config.settings().serving().pipeline().quotas()).isEqualTo(Map.of("ease", 0.5, "als", 0.5));
        assertThat(config.settings().stream().ctrWindow()).contains(120L);
        assertThat(config.settings().training().epochs()).isEmpty();
    }

    @Test
    void anUnknownKeyNamesTheKeyTheFileAndTheNearestKnownKey() throws IOException {
        Path f = file("serving:\n  prot: 9000\n");
        assertThatThrownBy(() -> loader.load(Optional.of(f), Map.of(), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'serving.prot'")
                .hasMessageContaining(f.toString())
                .hasMessageContaining("did you mean 'serving.port'?");

        Path section = file("srving:\n  port: 9000\n");
        assertThatThrownBy(() -> loader.load(Optional.of(section), Map.of(), List.of()))
                .hasMessageContaining("unknown key 'srving'")
                .hasMessageContaining("did you mean 'serving'?");

        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of(), List.of("serving.prot=1")))
                .hasMessageContaining("--set serving.prot=1")
                .hasMessageContaining("did you mean 'serving.port'?");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheKeyTheValueAndWhereItCameFrom() throws IOException {
        Path f = file("serving:\n  port: eighty\n");
        assertThatThrownBy(() -> loader.load(Optional.of(f), Map.of(), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("serving.port")
                .hasMessageContaining("a whole number")
                .hasMessageContaining("'eighty'")
                .hasMessageContaining(f.toString());

        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("WREN_STORE_DIMENSION", "3.5"), List.of()))
                .hasMessageContaining("store.dimension")
                .hasMessageContaining("'3.5'")
                .hasMessageContaining("env WREN_STORE_DIMENSION");

        Path section = file("serving: 8080\n");
        assertThatThrownBy(() -> loader.load(Optional.of(section), Map.of(), List.of()))
                .hasMessageContaining("'serving'")
                .hasMessageContaining("is a section");
    }

    @Test
    void aValueAModuleRefusesIsReportedAtStartUpWithItsSection() {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of(), List.of("serving.pipeline.mmr-lambda=2")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("section 'serving'")
                .hasMessageContaining("mmrLambda");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of(), List.of("training.model=nope")))
                .hasMessageContaining("section 'training'")
                .hasMessageContaining("nope");
    }

    @Test
    void aMisspeltVariableIsAWarningNotSilence() {
        EffectiveConfig config =
                loader.load(Optional.empty(), Map.of("WREN_SERVING_PROT", "9000", "WREN_DATA_HOME", "/d"), List.of());
        assertThat(config.warnings()).singleElement().asString().contains("WREN_SERVING_PROT", "WREN_SERVING_PORT");
    }

    @Test
    void theUserFileIsTheFlagsElseTheDataHomesElseTheVariables() throws IOException {
        Path home = tmp.resolve("home");
        Files.createDirectories(home);
        Map<String, String> env = Map.of(ConfigLoader.CONFIG_ENV, "/etc/wren.yaml");
        assertThat(ConfigLoader.userFile(Optional.empty(), home, env)).contains(Path.of("/etc/wren.yaml"));
        Files.writeString(home.resolve("wren.yaml"), "serving:\n  port: 1\n");
        assertThat(ConfigLoader.userFile(Optional.empty(), home, env)).contains(home.resolve("wren.yaml"));
        assertThat(ConfigLoader.userFile(Optional.of(Path.of("/x.yaml")), home, env))
                .contains(Path.of("/x.yaml"));
        assertThat(ConfigLoader.userFile(Optional.empty(), tmp.resolve("none"), Map.of()))
                .isEmpty();
    }

    @Test
    void aMissingOrBrokenFileIsAClearError() throws IOException {
        assertThatThrownBy(() -> loader.load(Optional.of(tmp.resolve("nope.yaml")), Map.of(), List.of()))
                .hasMessageContaining("nope.yaml does not exist");
        Path broken = file("serving:\n  port: [1\n");
        assertThatThrownBy(() -> loader.load(Optional.of(broken), Map.of(), List.of()))
                .hasMessageContaining("cannot read configuration file " + broken)
                .hasMessageContaining("line");
    }

    @Test
    void thePrintedConfigurationReadsBackAsAUserFileAndNeverShowsTheAdminToken() throws IOException {
        EffectiveConfig config = loader.load(
                Optional.empty(),
                Map.of("WREN_ADMIN_TOKEN", "s3cret", "WREN_STORE", "redis://:pw@localhost:6379/0"),
                List.of("serving.port=9000", "offline.master=local[2]"));
        ConfigPrinter printer = new ConfigPrinter();
        String yaml = printer.yaml(config, false);
        assertThat(yaml).doesNotContain("s3cret", "pw@").contains("admin-token: (set, not printed)");
        assertThat(printer.yaml(config, true)).contains("port: 9000  # flag --set", "  # env WREN_STORE");

        EffectiveConfig plain = loader.load(Optional.empty(), Map.of(), List.of("serving.port=9000"));
        Path printed = file(printer.yaml(plain, true));
        EffectiveConfig reread = loader.load(Optional.of(printed), Map.of(), List.of());
        assertThat(reread.settings()).isEqualTo(plain.settings());
    }
}
