package dev.wren.eval.simulate;

import dev.wren.data.synthetic.HiddenTastes;
import dev.wren.data.synthetic.SyntheticConfig;
import dev.wren.data.synthetic.SyntheticDataGenerator;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small synthetic data set generated for a simulation, and its hidden tastes. Stateless. */
public final class SyntheticWorld {
    private SyntheticWorld() {}

    /**
     * The hidden tastes of the data set in {@code dir}, generating the benchmarks' standard one there first (5,000 users,
     * 1,000 movies, seed 42) when it has none.
     */
    public static HiddenTastes readOrGenerate(Path dir) {
        return Files.isDirectory(dir.resolve("hidden")) ? HiddenTastes.read(dir) : generate(dir, 5000, 1000, 42);
    }

    /** The data set's movie ids, ascending: the catalogue a simulation ranks. */
    public static int[] movieIds(HiddenTastes truth) {
        return truth.movieTastes().keySet().stream()
                .mapToInt(Integer::intValue)
                .sorted()
                .toArray();
    }

    /** Generates {@code users} users and {@code movies} movies (25 ratings per user) into {@code dir} and reads back the truth. */
    public static HiddenTastes generate(Path dir, int users, int movies, long seed) {
        SyntheticConfig config = SyntheticConfig.defaults().withSeed(seed).withSize(users, movies, users * 25L);
        new SyntheticDataGenerator().generate(config, dir);
        return HiddenTastes.read(dir);
    }
}
