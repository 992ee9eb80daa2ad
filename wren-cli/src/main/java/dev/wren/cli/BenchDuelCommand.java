package dev.wren.cli;

import dev.wren.eval.simulate.DuelBenchmark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wren bench duel}: the dueling bandit against simulated users, over a grid of its settings. */
@Command(
        name = "duel",
        mixinStandardHelpOptions = true,
        description = {
            "Serving's dueling-bandit experiment (DRN's exploration) learning a three-feature ranker's weights (taste,"
                    + " popularity, noise) from simulated users who click by taste: two poor starts, delta 0.25, 0.5"
                    + " and 1.0 by alpha 0.02 to 0.2, three seeds each. Prints, per start, the settings that showed"
                    + " users the best lists and that learned the best weights; writes JSON and a learning-curve chart"
                    + " per start (duel-*.png) beside it. About 90 s at the default 20,000 users.",
        })
final class BenchDuelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SimulationOptions simulation;

    @Option(names = "--users", description = "User visits per run. Default: ${DEFAULT-VALUE}.")
    int users = 20_000;

    @Override
    public Integer call() throws IOException {
        if (users < 1) {
            throw new WrenUserException("--users must be at least 1, got " + users, ExitCodes.USAGE);
        }
        Path json = simulation.out("duel");
        Map<String, Object> result = DuelBenchmark.run(simulation.world(), json, users);
        spec.commandLine().getOut().print(DuelBenchmark.summary(result));
        spec.commandLine().getOut().println("Wrote " + json + " and duel-*.png beside it");
        return ExitCodes.OK;
    }
}
