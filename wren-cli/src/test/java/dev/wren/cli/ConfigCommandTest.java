package dev.wren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.cli.config.ConfigLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code wren config}, and the commands taking their defaults from the configuration, in-process. */
class ConfigCommandTest {
    @TempDir
    Path tmp;

    static WrenCommandTest.Run wren(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = WrenCommand.commandLine(env);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new WrenCommandTest.Run(code, out.toString(), err.toString());
    }

    private Path userFile(String yaml) throws IOException {
        Path f = tmp.resolve("settings.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void printsTheEffectiveConfigurationWithWhereEachValueCameFrom() throws IOException {
        Path f = userFile("serving:\n  port: 9000\n  host: 0.0.0.0\nstore:\n  dimension: 16\n");
        var run = wren(
                Map.of("WREN_SERVING_HOST", "::1", "WREN_ADMIN_TOKEN", "s3cret"),
                "--config",
                f.toString(),
                "config",
                "--origins",
                "--data-home",
                tmp.toString(),
                "--set",
                "store.dimension=24");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("# User file: " + f)
                .contains("  port: 9000  # file " + f)
                .contains("  host: ::1  # env WREN_SERVING_HOST")
                .contains("  dimension: 24  # flag --set")
                .contains("  ranker: cf  # reference")
                .contains("# admin-token: (set, not printed)  # env WREN_ADMIN_TOKEN")
                .doesNotContain("s3cret");
    }

    @Test
    void withoutOriginsItPrintsPlainYamlAndTheReferenceFileOnRequest() {
        var plain = wren(Map.of(), "config", "--data-home", tmp.toString());
        assertThat(plain.exitCode()).isZero();
        assertThat(plain.out())
                .contains("serving:\n  host: 127.0.0.1\n  port: 8080\n")
                .doesNotContain("# reference");

        var reference = wren(Map.of(), "config", "--reference");
        assertThat(reference.exitCode()).isZero();
        assertThat(reference.out()).isEqualTo(new ConfigLoader().referenceText());
        assertThat(reference.out()).contains("# HTTP port; 0 picks a free one (port).\n  port: 8080\n");
    }

    @Test
    void theDataHomesFileIsReadWhenNoneIsNamed() throws IOException {
        Files.writeString(tmp.resolve("wren.yaml"), "learn:\n  chunk: 64\n");
        var run = wren(Map.of(), "config", "--origins", "--data-home", tmp.toString());
        assertThat(run.out()).contains("chunk: 64  # file " + tmp.resolve("wren.yaml"));
    }

    @Test
    void helpShowsTheDefaultInForceAndItsKey() throws IOException {
        Path f = userFile("serving:\n  port: 9000\n");
        var fromFile = wren(Map.of(), "--config", f.toString(), "serve", "--help");
        assertThat(fromFile.out()).contains("Default: 9000").contains("serving.port");
        var fromEnv = wren(Map.of("WREN_SERVING_PORT", "9100"), "--config", f.toString(), "serve", "--help");
        assertThat(fromEnv.out()).contains("Default: 9100");
        var reference = wren(Map.of(), "demo", "--help");
        assertThat(reference.out()).contains("Default: 8080").contains("Default: deepfm,two-tower");
    }

    @Test
    void aFlagOverridesTheEnvironmentWhichOverridesTheFile() throws IOException {
        Path fromFile = generate("file", 20);
        Path fromEnv = generate("env", 30);
        Path fromFlag = generate("flag", 40);
        Path f = userFile("data:\n  dir: " + fromFile + "\n");
        assertThat(wren(Map.of(), "--config", f.toString(), "inspect").out()).contains("Users     20");
        Map<String, String> env = Map.of("WREN_DATA_DIR", fromEnv.toString());
        assertThat(wren(env, "--config", f.toString(), "inspect").out()).contains("Users     30");
        assertThat(wren(env, "--config", f.toString(), "inspect", "--data", fromFlag.toString())
                        .out())
                .contains("Users     40");
    }

    private Path generate(String name, int users) {
        Path dir = tmp.resolve(name);
        var run = wren(
                Map.of(),
                "generate",
                "--out",
                dir.toString(),
                "--users",
                "" + users,
                "--movies",
                "50",
                "--ratings",
                "" + users * 25);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return dir;
    }

    @Test
    void aBadConfigurationStopsEveryCommandWithOneSentenceAndExitCode2ButNotHelp() throws IOException {
        Path f = userFile("serving:\n  prot: 9000\n");
        var run = wren(Map.of(), "--config", f.toString(), "config");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .contains("unknown key 'serving.prot' in " + f, "did you mean 'serving.port'?")
                .doesNotContain("\tat ");

        var typed = wren(Map.of("WREN_LEARN_CHUNK", "many"), "learn", "--data-home", tmp.toString());
        assertThat(typed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(typed.err()).contains("learn.chunk: expected a whole number, got 'many' (env WREN_LEARN_CHUNK)");

        var help = wren(Map.of(), "--config", f.toString(), "serve", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: wren serve");
        assertThat(help.err()).contains("serving.prot");
    }

    @Test
    void everyConfiguredOptionNamesAKeyThatExistsAndItsHelpSaysWhich() throws Exception {
        List<String> keys = new ConfigLoader().keys();
        List<String> checked = new ArrayList<>();
        walk(WrenCommand.commandLine(Map.of()), keys, checked);
        assertThat(checked)
                .contains(
                        "serve --port",
                        "offline --seed",
                        "train --epochs",
                        "stream --trend-window",
                        "learn --chunk",
                        "topk --k",
                        "demo --train");
    }

    private static void walk(CommandLine cmd, List<String> keys, List<String> checked) {
        for (OptionSpec option : cmd.getCommandSpec().options()) {
            if (!(option.userObject() instanceof Field field) || field.getAnnotation(ConfigKey.class) == null) {
                continue;
            }
            String name = cmd.getCommandName() + " " + option.longestName();
            String description = String.join(" ", option.description());
            for (String key : field.getAnnotation(ConfigKey.class).value()) {
                String section = key.replaceAll("\\.[^.]+$", "");
                boolean known = keys.contains(key) || keys.contains(section);
                assertThat(known).as(name + " names an unknown key " + key).isTrue();
                assertThat(description).as(name).contains(key);
            }
            checked.add(name);
        }
        cmd.getSubcommands().values().forEach(sub -> walk(sub, keys, checked));
    }
}
