package dev.wren.cli;

import dev.wren.model.report.ComparisonReport;
import dev.wren.model.report.ModelResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wren report}: compares every trained model in one Markdown page with charts. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Write a report comparing the latest evaluated bundle of every model: report.md with a metrics"
                + " table, ROC curves, training loss and validation AUC per epoch (PNG).")
class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--bundles",
            paramLabel = "DIR",
            description = "Bundles folder written by `wren train`. Default: <data home>/models.")
    Path bundles;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "report",
            description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Mixin
    DataHome home;

    @Override
    public Integer call() {
        List<ModelResult> results = ComparisonReport.collect(bundles != null ? bundles : home.resolve("models"));
        Path file = ComparisonReport.write(results, out);
        spec.commandLine().getOut().println("Report on " + results.size() + " model(s) written to " + file);
        return ExitCodes.OK;
    }
}
