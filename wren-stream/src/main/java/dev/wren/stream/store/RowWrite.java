package dev.wren.stream.store;

import dev.wren.core.features.Interaction;
import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureCodec;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureValue;
import dev.wren.core.store.Features;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One row for the store, on its way to the sink. The features travel encoded with the store's own {@link FeatureCodec}
 * so that Flink moves plain bytes (no Kryo for the feature map); a user row also carries its positives, from which the
 * sink adds the user embedding with the item vectors it reads from the store.
 *
 * @param kind user or item
 * @param id the user or item
 * @param streamTime the row's version, also in the row as {@link FeatureSchema#STREAM_TIME}: the event time it
 *     reflects, milliseconds since the epoch (for a user, with a fraction that counts the events, {@link #user})
 * @param encoded the features, as {@link #features()} decodes them
 * @param positiveItems a user's positives, whose item vectors make the user embedding; empty for an item
 * @param positiveTimes when each of {@code positiveItems} happened, seconds since the epoch
 * @param loggedAt when serving logged each event this row reflects for the first time (milliseconds; those it knows),
 *     for the sink's freshness measure; empty for an item
 */
public record RowWrite(
        EntityKind kind,
        int id,
        double streamTime,
        byte[] encoded,
        int[] positiveItems,
        long[] positiveTimes,
        long[] loggedAt) {

    public RowWrite {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (positiveItems.length != positiveTimes.length) {
            throw new IllegalArgumentException("positive items and times differ in length");
        }
    }

    /**
     * A user's row; the sink adds the embedding of {@code positives}. Its stream time is the newest event's time plus
     * {@code events / 1024} ms, a version that grows with the set of events the row reflects whatever order they came
     * in: an event that arrives out of order adds to the row without changing its newest time, and must still make a
     * newer version than the row without it, while the same set must make the same version (a replay writes nothing).
     * The sum is exact (a multiple of 1/1024 below 2^43 ms, the year 2248); beyond 1,024 events of one user the
     * version runs ahead of the newest event time by {@code events / 1024} ms.
     *
     * @param newestEventMillis the newest event's time (ms)
     * @param events how many events (not dataset ratings) the row reflects
     */
    public static RowWrite user(
            int id,
            long newestEventMillis,
            int events,
            Features features,
            List<Interaction> positives,
            long[] loggedAt) {
        int[] items = new int[positives.size()];
        long[] times = new long[positives.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = positives.get(i).itemId();
            times[i] = positives.get(i).timestamp();
        }
        double version = userVersion(newestEventMillis, events);
        return new RowWrite(EntityKind.USER, id, version, encode(stamped(features, version)), items, times, loggedAt);
    }

    /** A user row's {@link #streamTime}: see {@link #user}. */
    public static double userVersion(long newestEventMillis, int events) {
        return newestEventMillis + events / 1024.0;
    }

    /** An item's row. */
    public static RowWrite item(int id, long streamTime, Features features) {
        return new RowWrite(
                EntityKind.ITEM,
                id,
                streamTime,
                encode(stamped(features, streamTime)),
                new int[0],
                new long[0],
                new long[0]);
    }

    /**
     * This row laid over an earlier one of the same entity, name by name, as the store's update does: what this row
     * does not name keeps the earlier value. A user row names all its features, so only its events are added.
     */
    public RowWrite over(RowWrite earlier) {
        if (kind == EntityKind.USER) {
            // The events the earlier row would have made visible first are made visible by this one.
            long[] both = Arrays.copyOf(earlier.loggedAt, earlier.loggedAt.length + loggedAt.length);
            System.arraycopy(loggedAt, 0, both, earlier.loggedAt.length, loggedAt.length);
            return new RowWrite(kind, id, streamTime, encoded, positiveItems, positiveTimes, both);
        }
        return new RowWrite(
                kind,
                id,
                streamTime,
                encode(earlier.features().mergedWith(features())),
                positiveItems,
                positiveTimes,
                loggedAt);
    }

    /** The row's features, {@link FeatureSchema#STREAM_TIME} included. */
    public Features features() {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int n = in.readInt();
            Map<String, FeatureValue> values = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                byte[] value = new byte[in.readInt()];
                in.readFully(value);
                values.put(name, FeatureCodec.decode(value));
            }
            return new Features(values);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt encoded row of " + kind + " " + id, e);
        }
    }

    private static Features stamped(Features features, double streamTime) {
        return features.mergedWith(
                Features.builder().number(FeatureSchema.STREAM_TIME, streamTime).build());
    }

    private static byte[] encode(Features features) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            // Sorted by name, so that equal rows encode to equal bytes.
            Map<String, FeatureValue> sorted = new TreeMap<>(features.values());
            out.writeInt(sorted.size());
            for (Map.Entry<String, FeatureValue> e : sorted.entrySet()) {
                byte[] value = FeatureCodec.encode(e.getValue());
                out.writeUTF(e.getKey());
                out.writeInt(value.length);
                out.write(value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
