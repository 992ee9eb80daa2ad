package dev.wren.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where a simulated-user benchmark finds its synthetic world and writes its report: one definition for each. */
final class SimulationOptions {
    @Mixin
    DataHome home;

    @Option(
            names = "--world",
            paramLabel = "DIR",
            description = "The simulation's synthetic data set (with its hidden tastes); generated there when missing"
                    + " (5,000 users, 1,000 movies, seed 42). Default: <data home>/simulation.")
    Path world;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "The JSON to write; charts go beside it. Default: <data home>/reports/<benchmark>.json.")
    Path out;

    Path world() {
        return world != null ? world : home.resolve("simulation");
    }

    /** The report's path: {@code --out}, else {@code <data home>/reports/<name>.json}. */
    Path out(String name) {
        return out != null ? out : home.resolve("reports/" + name + ".json");
    }
}
