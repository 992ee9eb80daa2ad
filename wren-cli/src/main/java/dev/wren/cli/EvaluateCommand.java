package dev.wren.cli;

import dev.wren.model.bundle.LayoutMismatchException;
import dev.wren.model.offline.OfflineTraining;
import dev.wren.model.report.ModelResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wren evaluate}: scores a saved bundle on the offline test samples. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate a saved model bundle on the offline pipeline's test samples and write metrics.json.",
            "The bundle must have been trained on the same feature layout (vocabularies, buckets, fields) as the"
                    + " samples; otherwise it is refused with exit code 3.",
        })
class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions options;

    @Option(
            names = "--bundle",
            required = true,
            paramLabel = "DIR",
            description = "A bundle folder (<bundles>/<model>/v<N>).")
    Path bundle;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Where to write the metrics. Default: <bundle>/metrics.json.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter printer = spec.commandLine().getOut();
        ModelResult result;
        try {
            result = OfflineTraining.evaluate(bundle, options.open());
        } catch (LayoutMismatchException e) {
            throw new WrenUserException(
                    "bundle " + bundle + " does not fit these samples (different feature layout); retrain it with"
                            + " `wren train` on them",
                    ExitCodes.BAD_INPUT,
                    e);
        } catch (dev.wren.model.bundle.BundleException e) {
            throw new WrenUserException(e.getMessage(), ExitCodes.BAD_INPUT, e);
        }
        Path file = out != null ? out : bundle.resolve(ModelResult.FILE);
        result.write(file);
        TrainCommand.print(printer, result);
        printer.println("Metrics written to " + file);
        return ExitCodes.OK;
    }
}
