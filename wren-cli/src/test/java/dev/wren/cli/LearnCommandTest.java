package dev.wren.cli;

import static dev.wren.cli.TrainCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.model.learn.Lineage;
import dev.wren.model.learn.OnlineLearner;
import dev.wren.model.online.ModelsFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wren learn} and {@code wren models} on a tiny data home. */
class LearnCommandTest {
    @TempDir
    Path tmp;

    /** Fast updates, and a window the tiny stream fills. */
    private static String[] learn(Path home, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--data-home",
                home.toString(),
                "--learning-rate",
                "0.01",
                "--batch-size",
                "32",
                "--chunk",
                "100",
                "--window",
                "400",
                "--min-window",
                "200"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void publishesWhenNotWorseSkipsBadRowsAndLearnedSamplesAndRollsBack() throws IOException {
        Path home = LearnFixture.home(tmp.resolve("home"));
        List<String> lines = new ArrayList<>(LearnFixture.fresh(1600, 0, 10_000, 1));
        lines.add(2, "{\"userId\":1,\"itemId\":2}");
        lines.add(5, "not json");
        Path part = LearnFixture.part(home, "2026-12-06--03", "part-0-0", lines);
        LearnFixture.part(home, "2026-12-06--03", ".part-0-1.inprogress", List.of("{half a line"));

        TrainCommandTest.Run first = run(new LearnCommand(), learn(home));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err())
                .contains("bad sample skipped: " + part + ":3: missing required field 'ts'")
                .contains("bad sample skipped: " + part + ":6: not valid JSON");
        assertThat(first.out())
                .contains("published " + home.resolve("models/deepfm/v2"), "2 bad rows skipped")
                .contains("Replaying 3.0 earlier samples per fresh one, from ");
        Path v2 = home.resolve("models/deepfm/v2");
        Lineage lineage = OnlineLearner.readLineage(v2).orElseThrow();
        assertThat(lineage.parent()).isEqualTo("deepfm/v1");
        assertThat(lineage.samplesSeen()).isEqualTo(1600);
        assertThat(lineage.window().liveAuc())
                .isGreaterThanOrEqualTo(lineage.window().frozenAuc());

        // Learning again from v2: every sample is at or before v2's last learned time.
        TrainCommandTest.Run again = run(new LearnCommand(), learn(home));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("Done: 0 samples learned", "1,600 already learned skipped");
        assertThat(home.resolve("models/deepfm/v3")).doesNotExist();

        TrainCommandTest.Run back =
                run(new ModelsCommand.Rollback(), "--data-home", home.toString(), "--model", "deepfm");
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(back.out()).contains("deepfm now serves v1 (was v2)");
        assertThat(ModelsFolder.retired(v2)).isTrue();
        TrainCommandTest.Run list = run(new ModelsCommand.ListVersions(), "--data-home", home.toString());
        assertThat(list.out())
                .containsPattern("deepfm +v1 +served")
                .containsPattern("deepfm +v2 +retired +from deepfm/v1");
    }

    @Test
    void refusesToPublishWhenCorruptedLabelsMadeTheModelWorse() throws IOException {
        Path home = LearnFixture.home(tmp.resolve("home"));
        // A labelling bug flips the first 1,200 labels; the last 400, the judged window, are right again. Without
        // replay, which would dilute the wrong labels with the training samples' right ones.
        LearnFixture.part(home, "b", "part-0-0", LearnFixture.fresh(1600, 1200, 10_000, 2));

        TrainCommandTest.Run r = run(new LearnCommand(), learn(home, "--replay-share", "0"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("not published after 1,600 samples", "< frozen AUC", "0 version(s) published");
        assertThat(home.resolve("models/deepfm/v2")).doesNotExist();
    }

    @Test
    void saysWhatIsMissing() {
        TrainCommandTest.Run r =
                run(new LearnCommand(), "--data-home", tmp.resolve("empty").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("no ranking model bundle under");

        TrainCommandTest.Run bad =
                run(new ModelsCommand.Rollback(), "--data-home", tmp.toString(), "--model", "deepfm", "--to", "latest");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
