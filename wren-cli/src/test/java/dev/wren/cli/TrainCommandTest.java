package dev.wren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.model.offline.SyntheticOfflineSamples;
import dev.wren.model.report.ModelResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wren train / evaluate / report} on tiny Parquet samples in the offline pipeline's schema. */
class TrainCommandTest {
    @TempDir
    Path tmp;

    record Run(int exitCode, String out, String err) {}

    /**
     * Runs one command as the root command would, with Wren's reference configuration and error handling (independent
     * of registration).
     */
    static Run run(Callable<Integer> command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = ConfiguredExecution.configure(new CommandLine(command), Map.of());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void trainsOneEpochThenEvaluatesTheBundleAndReports() throws IOException {
        Path samples = tmp.resolve("offline");
        SyntheticOfflineSamples.write(samples, 50, 40, 1200, 300, 3, 1 << 20);
        Path bundles = tmp.resolve("models");

        Run train = run(
                new TrainCommand(),
                "--samples",
                samples.toString(),
                "--model",
                "deepfm",
                "--epochs",
                "1",
                "--bundles",
                bundles.toString(),
                "--no-progress");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("deepfm", "ROC-AUC");
        Path bundle = bundles.resolve("deepfm").resolve("v1");
        assertThat(bundle.resolve("bundle.json")).exists();
        ModelResult trained = ModelResult.read(bundle.resolve(ModelResult.FILE));
        assertThat(trained.test().samples()).isEqualTo(300);
        assertThat(trained.training().trainLosses()).hasSize(1);
        assertThat(trained.trainSamples() + trained.validationSamples()).isEqualTo(1200);

        Path metrics = tmp.resolve("eval/metrics.json");
        Run evaluate = run(
                new EvaluateCommand(),
                "--samples",
                samples.toString(),
                "--bundle",
                bundle.toString(),
                "--out",
                metrics.toString());
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        ModelResult evaluated = ModelResult.read(metrics);
        // The same parameters on the same test samples: the same metrics.
        assertThat(evaluated.test()).isEqualTo(trained.test());

        Path report = tmp.resolve("report");
        Run reported = run(new ReportCommand(), "--bundles", bundles.toString(), "--out", report.toString());
        assertThat(reported.exitCode()).as(reported.err()).isZero();
        assertThat(Files.readString(report.resolve("report.md"))).contains("| deepfm |", "roc.png");
        assertThat(report.resolve("roc.png")).isNotEmptyFile();
        assertThat(report.resolve("training-loss.png")).isNotEmptyFile();
        assertThat(report.resolve("validation-auc.png")).isNotEmptyFile();
    }

    @Test
    void refusesABundleTrainedOnAnotherLayoutInOneLineWithExitCode3() {
        Path first = tmp.resolve("first");
        SyntheticOfflineSamples.write(first, 50, 40, 600, 200, 3, 1 << 20);
        Path other = tmp.resolve("other");
        // More items: the item-id vocabulary differs.
        SyntheticOfflineSamples.write(other, 50, 80, 600, 200, 3, 1 << 20);
        Path bundles = tmp.resolve("models");
        Run train = run(
                new TrainCommand(),
                "--samples",
                first.toString(),
                "--model",
                "logistic-regression",
                "--epochs",
                "1",
                "--bundles",
                bundles.toString(),
                "--no-progress");
        assertThat(train.exitCode()).as(train.err()).isZero();

        Run evaluate = run(
                new EvaluateCommand(),
                "--samples",
                other.toString(),
                "--bundle",
                bundles.resolve("logistic-regression/v1").toString());

        assertThat(evaluate.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(evaluate.err()).contains("different feature layout").doesNotContain("Exception", "\tat ");
        assertThat(evaluate.err().lines().filter(l -> !l.isBlank()).count()).isEqualTo(2); // message + hint
    }

    @Test
    void aNonPositiveLearningRateIsAUsageError() {
        Run train = run(
                new TrainCommand(),
                "--samples",
                tmp.resolve("nowhere").toString(),
                "--learning-rate",
                "0",
                "--no-progress");
        assertThat(train.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(train.err()).contains("--learning-rate must be positive").doesNotContain("\tat ");
    }

    @Test
    void aMissingSamplesFolderIsOneClearSentence() {
        Run train = run(new TrainCommand(), "--samples", tmp.resolve("nowhere").toString(), "--no-progress");
        assertThat(train.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(train.err()).contains("no manifest.json in").contains("wren offline");
    }
}
