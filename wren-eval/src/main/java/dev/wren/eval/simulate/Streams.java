package dev.wren.eval.simulate;

import java.util.SplittableRandom;

/**
 * Independent seeded random streams per (seed, index). SplittableRandom's own seeding steps by its golden gamma, so
 * seeds that differ by a multiple of it give shifted copies of one stream; both parts are put through the SplitMix64
 * finaliser first so that neighbouring seeds and indexes share nothing. Stateless.
 */
final class Streams {
    private Streams() {}

    static SplittableRandom of(long seed, long index) {
        return new SplittableRandom(mix(mix(seed) ^ (index * 0xD6E8FEB86659FD93L + 0x632BE59BD9B4E019L)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
