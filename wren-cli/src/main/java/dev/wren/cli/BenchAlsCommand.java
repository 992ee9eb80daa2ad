package dev.wren.cli;

import dev.wren.offline.cf.AlsParams;
import dev.wren.offline.cf.AlsValidationBenchmark;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wren bench als}: implicit ALS's validation NDCG@10 and fit time at several ranks and iteration counts. */
@Command(
        name = "als",
        mixinStandardHelpOptions = true,
        description = {
            "Implicit ALS as the offline pipeline fits it (regParam 0.3, alpha 3) at several ranks and iteration"
                    + " counts, on one log: each rating goes to validation with probability 0.2, every setting is"
                    + " fitted on the rest, and the top 10 of a sample of users is scored against their validation"
                    + " items. Prints the fit time and NDCG@10 per setting. On 25M ratings each setting takes"
                    + " minutes (rank 64, 15 iterations: about 8)."
        })
final class BenchAlsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Option(
            names = "--every",
            description = "Score every N-th user by id (54 scores 3,000 of 162,000). Default: ${DEFAULT-VALUE}.")
    int every = 1;

    @Option(
            names = "--settings",
            split = ",",
            paramLabel = "RANK/ITERATIONS",
            description = "Settings to fit, e.g. 64/15,64/10. Default: ${DEFAULT-VALUE}.")
    List<String> settings = List.of("64/15", "64/10");

    @Override
    public Integer call() {
        if (every < 1) {
            throw new WrenUserException("--every must be at least 1, got " + every, ExitCodes.USAGE);
        }
        List<AlsParams> params;
        try {
            params = settings.stream().map(AlsValidationBenchmark::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new WrenUserException(e.getMessage(), ExitCodes.USAGE);
        }
        Path data = dataOptions.resolve(spec.commandLine().getErr());
        AlsValidationBenchmark.run(data, every, params, spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
