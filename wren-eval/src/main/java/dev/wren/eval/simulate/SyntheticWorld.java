package dev.wren.eval.simulate;

import dev.wren.data.synthetic.HiddenTastes;
import dev.wren.data.synthetic.SyntheticConfig;
import dev.wren.data.synthetic.SyntheticDataGenerator;
import java.nio.file.Path;

/** A small synthetic data set generated for a simulation, and its hidden tastes. Stateless. */
public final class SyntheticWorld {
    private SyntheticWorld() {}

    /** Generates {@code users} users and {@code movies} movies (25 ratings per user) into {@code dir} and reads back the truth. */
    public static HiddenTastes generate(Path dir, int users, int movies, long seed) {
        SyntheticConfig config = SyntheticConfig.defaults().withSeed(seed).withSize(users, movies, users * 25L);
        new SyntheticDataGenerator().generate(config, dir);
        return HiddenTastes.read(dir);
    }
}
