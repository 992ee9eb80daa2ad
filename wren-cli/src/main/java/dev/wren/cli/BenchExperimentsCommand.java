package dev.wren.cli;

import dev.wren.eval.simulate.ExperimentBenchmark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wren bench experiments}: the experiment analysis against simulated users. */
@Command(
        name = "experiments",
        mixinStandardHelpOptions = true,
        description = {
            "Online experiments on simulated users: the A/A false-positive rate with peeking (mSPRT against Welch's"
                    + " t-test), users needed at 80 % power by A/B (with and without CUPED) and by team-draft"
                    + " interleaving, and the cost of exploration (epsilon-greedy, Thompson sampling). Writes JSON and"
                    + " the power charts (power*.png) beside it. Two to four minutes at the default 200 runs.",
        })
final class BenchExperimentsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SimulationOptions simulation;

    @Option(
            names = "--runs",
            description = "Simulated A/A experiments (half as many per size for the power curves). Default:"
                    + " ${DEFAULT-VALUE}.")
    int runs = 200;

    @Override
    public Integer call() throws IOException {
        if (runs < 2) {
            throw new WrenUserException("--runs must be at least 2, got " + runs, ExitCodes.USAGE);
        }
        Path json = simulation.out("experiments");
        ExperimentBenchmark.run(simulation.world(), json, runs);
        spec.commandLine().getOut().println("Wrote " + json + " and power*.png beside it");
        return ExitCodes.OK;
    }
}
