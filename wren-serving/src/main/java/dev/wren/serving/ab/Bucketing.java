package dev.wren.serving.ab;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Assigns users to variants by a stable salted hash. Stateless and thread-safe. */
public final class Bucketing {
    private Bucketing() {}

    /**
     * Where a user falls in an experiment, uniformly in [0, 1): the same for the same experiment name and user on every
     * run and machine (FNV-1a of the name as the salt, then a SplitMix64 finaliser).
     */
    public static double position(String experiment, int userId) {
        long salt = 0xcbf29ce484222325L;
        for (byte b : experiment.getBytes(StandardCharsets.UTF_8)) {
            salt ^= b & 0xff;
            salt *= 0x100000001b3L;
        }
        long z = salt + 0x9e3779b97f4a7c15L * (userId + 1L);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    /** The user's variant in this experiment, or empty when the user falls outside its shares. */
    public static Optional<Variant> assign(Experiment experiment, int userId) {
        double p = position(experiment.name(), userId);
        double edge = 0;
        for (Variant v : experiment.variants()) {
            edge += v.share();
            if (p < edge) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
