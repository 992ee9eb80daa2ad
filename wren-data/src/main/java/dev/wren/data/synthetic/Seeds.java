package dev.wren.data.synthetic;

import java.util.Random;

/**
 * Independent random streams derived from one seed, one per purpose and entity.
 *
 * <p>Each user and movie gets its own stream, so one entity's draws never depend on how many draws another made; that
 * keeps output stable when the generator changes in one place. {@link Random}'s algorithm is fixed by its
 * specification, so the streams are the same on every JVM. For the same reason the generator uses {@link StrictMath}
 * for log, exp and pow: {@link Math}'s versions may differ in the last bit between platforms, which could flip a
 * rounded rating.
 */
final class Seeds {
    static final long GENRES = 1;
    static final long MOVIES = 2;
    static final long TITLES = 3;
    static final long POPULARITY = 4;
    static final long ACTIVITY = 5;
    static final long USERS = 6;
    static final long LINKS = 7;

    private Seeds() {}

    static Random random(long seed, long stream, long index) {
        return new Random(mix(mix(mix(seed) ^ stream) + index));
    }

    static Random random(long seed, long stream) {
        return random(seed, stream, 0);
    }

    /** SplitMix64's finaliser: spreads nearby seeds (1, 2, 3...) into unrelated ones. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A standard Gumbel draw, for sampling without replacement by perturbed log-weights. */
    static double gumbel(Random random) {
        double u = random.nextDouble();
        if (u == 0) {
            u = Double.MIN_NORMAL;
        }
        return -StrictMath.log(-StrictMath.log(u));
    }
}
