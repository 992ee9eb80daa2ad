package dev.wren.serving.ab;

import dev.wren.core.explore.ArmStats;
import dev.wren.core.explore.LinUcb;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What exploration learns from, in this process: how often each item was shown and clicked, the LinUCB models of the
 * variants that use one, the LinUCB choices still waiting for their reward, and the dueling bandits that clicks decide. Counts start empty at each start-up
 * (the stream job's {@code recentClicks}/{@code recentExposures} item features, when present, are the durable ones).
 * Thread-safe.
 */
public final class BanditFeedback {
    /** LinUCB's user context: a bias, the user's history size and recent positives, each scaled to [0, 1]. */
    public static final int CONTEXT_DIMENSION = 3;

    /** A LinUCB choice shown to a user, waiting for a click or to be counted as not clicked. */
    private record Pending(LinUcb<String> model, String arm, double[] context) {}

    private final Map<Integer, AtomicLongArray> counts = new ConcurrentHashMap<>();
    private final Map<String, LinUcb<String>> models = new ConcurrentHashMap<>();
    private final List<ClickListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final int maxPending;
    private final Map<Long, Pending> pending;

    /**
     * @param maxPending how many LinUCB choices wait for a click; the oldest beyond that counts as not clicked, so
     *     rewards of 0 are learnt without a clock
     */
    public BanditFeedback(int maxPending) {
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be >= 1, got " + maxPending);
        }
        this.maxPending = maxPending;
        this.pending = new LinkedHashMap<>();
    }

    /** Counts a list as shown. */
    public void shown(List<Integer> items) {
        for (int item : items) {
            counts.computeIfAbsent(item, k -> new AtomicLongArray(2)).incrementAndGet(0);
        }
    }

    /** Counts a click, and rewards the LinUCB choice that showed this item to this user, if one is waiting. */
    public void clicked(int userId, int itemId) {
        counts.computeIfAbsent(itemId, k -> new AtomicLongArray(2)).incrementAndGet(1);
        Pending p;
        synchronized (pending) {
            p = pending.remove(key(userId, itemId));
        }
        if (p != null) {
            p.model().update(p.arm(), p.context(), 1);
        }
        for (ClickListener l : listeners) {
            l.clicked(userId, itemId);
        }
    }

    /** Passes clicks on to a dueling bandit or the experiments page's tally too. */
    public void follow(ClickListener listener) {
        listeners.add(listener);
    }

    /** What this process has seen of an item; clicks never exceed exposures (a click without a logged list counts). */
    public ArmStats stats(int itemId) {
        AtomicLongArray c = counts.get(itemId);
        if (c == null) {
            return new ArmStats(itemId, 0, 0);
        }
        long exposures = c.get(0);
        return new ArmStats(itemId, Math.min(c.get(1), exposures), exposures);
    }

    /** The LinUCB model of one variant ({@code experiment=variant}), created on first use. */
    public LinUcb<String> model(String variant, double alpha) {
        return models.computeIfAbsent(variant, v -> new LinUcb<>(Exploration.LinUcb.NAME, CONTEXT_DIMENSION, alpha));
    }

    /** Remembers a LinUCB choice shown to a user until it is clicked or pushed out as not clicked. */
    public void awaitReward(int userId, int itemId, LinUcb<String> model, String arm, double[] context) {
        Pending evicted = null;
        Pending replaced;
        synchronized (pending) {
            replaced = pending.put(key(userId, itemId), new Pending(model, arm, context.clone()));
            if (pending.size() > maxPending) {
                var eldest = pending.entrySet().iterator();
                evicted = eldest.next().getValue();
                eldest.remove();
            }
        }
        // Learnt outside the lock: LinUCB holds its own.
        if (replaced != null) {
            replaced.model().update(replaced.arm(), replaced.context(), 0);
        }
        if (evicted != null) {
            evicted.model().update(evicted.arm(), evicted.context(), 0);
        }
    }

    private static long key(int userId, int itemId) {
        return ((long) userId << 32) | (itemId & 0xffffffffL);
    }
}
