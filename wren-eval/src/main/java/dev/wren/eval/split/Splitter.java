package dev.wren.eval.split;

import dev.wren.eval.data.RatingLog;
import dev.wren.eval.data.UserIndex;
import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;

/** Splits rating logs. Stateless and thread-safe; equal inputs and seeds give equal splits. */
public final class Splitter {
    private Splitter() {}

    public static Split split(RatingLog log, SplitSpec spec) {
        return switch (spec.method()) {
            case RANDOM -> random(log, spec);
            case LAST -> last(log, spec);
            case TIME -> time(log, spec);
        };
    }

    /**
     * Each user's ratings are shuffled with a generator seeded by the split's seed and the user's id (so that a user's
     * holdout does not depend on the other users), and the first round(n x fraction) are held out; a user keeps at
     * least one training rating.
     */
    private static Split random(RatingLog log, SplitSpec spec) {
        UserIndex index = new UserIndex(log);
        BitSet test = new BitSet(log.size());
        for (int u = 0; u < index.userCount(); u++) {
            int[] rows = index.rows(u);
            int held = (int) Math.min(rows.length - 1L, Math.round(rows.length * spec.testFraction()));
            if (held <= 0) {
                continue;
            }
            SplittableRandom random = new SplittableRandom(spec.seed() * 0x9E3779B97F4A7C15L + index.userId(u));
            for (int i = rows.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = rows[i];
                rows[i] = rows[j];
                rows[j] = t;
            }
            for (int k = 0; k < held; k++) {
                test.set(rows[k]);
            }
        }
        return of(log, test, spec, 0);
    }

    /** Each user with more than n ratings holds out the last n by time (ties by item id). */
    private static Split last(RatingLog log, SplitSpec spec) {
        UserIndex index = new UserIndex(log);
        BitSet test = new BitSet(log.size());
        for (int u = 0; u < index.userCount(); u++) {
            int[] rows = index.rows(u);
            if (rows.length <= spec.lastN()) {
                continue;
            }
            for (int k = rows.length - spec.lastN(); k < rows.length; k++) {
                test.set(rows[k]);
            }
        }
        return of(log, test, spec, 0);
    }

    /**
     * Ratings after the (1 - fraction) quantile of all timestamps are held out; users with no rating before it are
     * dropped, since nothing about them could be learned.
     */
    private static Split time(RatingLog log, SplitSpec spec) {
        long[] times = new long[log.size()];
        for (int r = 0; r < times.length; r++) {
            times[r] = log.timestamp(r);
        }
        Arrays.sort(times);
        int at = (int) Math.min(times.length - 1L, Math.round(times.length * (1 - spec.testFraction())));
        long cutoff = times.length == 0 ? 0 : times[Math.max(0, at - 1)];
        BitSet trained = new BitSet();
        for (int r = 0; r < log.size(); r++) {
            if (log.timestamp(r) <= cutoff) {
                trained.set(log.user(r));
            }
        }
        BitSet test = new BitSet(log.size());
        BitSet dropped = new BitSet(log.size());
        BitSet droppedUsers = new BitSet();
        for (int r = 0; r < log.size(); r++) {
            if (log.timestamp(r) > cutoff) {
                if (trained.get(log.user(r))) {
                    test.set(r);
                } else {
                    dropped.set(r);
                    droppedUsers.set(log.user(r));
                }
            }
        }
        BitSet train = new BitSet(log.size());
        train.set(0, log.size());
        train.andNot(test);
        train.andNot(dropped);
        return new Split(log.select(train), log.select(test), spec, droppedUsers.cardinality());
    }

    private static Split of(RatingLog log, BitSet test, SplitSpec spec, int droppedUsers) {
        BitSet train = new BitSet(log.size());
        train.set(0, log.size());
        train.andNot(test);
        return new Split(log.select(train), log.select(test), spec, droppedUsers);
    }
}
