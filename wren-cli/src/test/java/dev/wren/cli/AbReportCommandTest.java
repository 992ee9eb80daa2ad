package dev.wren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.data.synthetic.HiddenTastes;
import dev.wren.eval.experiment.ExperimentLog;
import dev.wren.eval.experiment.ExperimentLogWriter;
import dev.wren.eval.simulate.ClickModel;
import dev.wren.eval.simulate.Policies;
import dev.wren.eval.simulate.Simulator;
import dev.wren.eval.simulate.SyntheticWorld;
import dev.wren.eval.simulate.TasteRanker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wren ab report} on a simulated server log, as a user runs it. */
class AbReportCommandTest {
    @TempDir
    static Path tmp;

    static Path log;

    record Run(int exitCode, String out, String err) {}

    static Run wren(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = WrenCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void simulatedLog() throws IOException {
        HiddenTastes truth = SyntheticWorld.generate(tmp.resolve("data"), 600, 200, 3);
        Simulator simulator = new Simulator(truth, ClickModel.standard(truth), Simulator.Settings.standard());
        List<Integer> users = truth.userTastes().keySet().stream().sorted().toList();
        TasteRanker worse = new TasteRanker(truth, 0.3, 1.0, 3.0, 1, 20);
        TasteRanker better = new TasteRanker(truth, 0.3, 1.0, 0.5, 2, 20);
        ExperimentLog ab = simulator.run(
                users,
                "ranker",
                u -> u % 2 == 0 ? "control" : "b",
                Map.of("control", Policies.top(worse, 10), "b", Policies.top(better, 10)),
                5);
        ExperimentLog interleaved = simulator.run(
                users.subList(0, 300),
                "interleave",
                u -> "ab",
                Map.of("ab", Policies.interleaved(worse, better, 10)),
                6);
        List<dev.wren.eval.experiment.ExposureRecord> exposures = new ArrayList<>(ab.exposures());
        exposures.addAll(interleaved.exposures());
        List<dev.wren.eval.experiment.EventRecord> events = new ArrayList<>(ab.events());
        events.addAll(interleaved.events());
        log = tmp.resolve("events.jsonl");
        ExperimentLogWriter.write(ExperimentLog.of(exposures, events), log);
        Files.writeString(log, "{\"kind\":\"exposure\",\"userId\":\"x\"}\n", StandardOpenOption.APPEND);
    }

    @Test
    void reportsTheVariantsTheSequentialTestAndTheInterleavingPreference() throws IOException {
        Path out = tmp.resolve("report");
        Run run = wren(
                "ab",
                "report",
                "--events",
                log.toString(),
                "--out",
                out.toString(),
                "--looks",
                "10",
                "--split",
                "control=0.5,b=0.5");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("1 bad lines skipped")
                .contains("events.jsonl line")
                .contains("b vs control");
        assertThat(out.resolve("ab.md")).exists();
        assertThat(out.resolve("msprt.png")).exists();
        String md = Files.readString(out.resolve("ab.md"));
        assertThat(md)
                .contains("| control |")
                .contains("## Sample ratio")
                .contains("## Interleaving (team draft): `interleave`");
        JsonNode json = new ObjectMapper().readTree(out.resolve("ab.json").toFile());
        assertThat(json.path("experiment").asText()).isEqualTo("ranker");
        assertThat(json.path("variants")).hasSize(2);
        JsonNode comparison = json.path("comparisons").get(0);
        assertThat(comparison.path("treatment").asText()).isEqualTo("b");
        assertThat(comparison.path("difference").path("value").asDouble()).isPositive();
        assertThat(comparison.path("looks")).hasSize(10);
        JsonNode interleaving = json.path("interleaving").path("interleave");
        assertThat(interleaving.path("preferB").asLong())
                .isGreaterThan(interleaving.path("preferA").asLong());
        assertThat(json.path("badLines").asLong()).isEqualTo(1);
    }

    @Test
    void explainsItselfAndRefusesWhatItCannotRead() {
        Run help = wren("ab", "report", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains("Usage: wren ab report")
                .contains("--events")
                .contains("always-valid");

        Run missing = wren("ab", "report", "--events", tmp.resolve("nope.jsonl").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("no log file at").contains("nope.jsonl");

        Run unknown = wren(
                "ab",
                "report",
                "--events",
                log.toString(),
                "--experiment",
                "colour",
                "--out",
                tmp.resolve("unknown").toString());
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("experiment 'colour'");
    }
}
