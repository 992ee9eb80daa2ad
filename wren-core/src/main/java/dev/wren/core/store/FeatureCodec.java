package dev.wren.core.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary encoding of one feature value, shared by every backend: a type byte, then the payload, little-endian.
 * Vectors are raw IEEE floats, so a 32-d embedding is 133 bytes. Stateless and thread-safe.
 */
public final class FeatureCodec {
    private FeatureCodec() {}

    public static byte[] encode(FeatureValue value) {
        // if-chains rather than a pattern switch: Java 17 has no pattern matching for switch.
        if (value instanceof FeatureValue.Num n) {
            return buffer(9).put((byte) 0).putDouble(n.value()).array();
        }
        if (value instanceof FeatureValue.Text t) {
            byte[] bytes = t.value().getBytes(StandardCharsets.UTF_8);
            return buffer(5 + bytes.length)
                    .put((byte) 1)
                    .putInt(bytes.length)
                    .put(bytes)
                    .array();
        }
        if (value instanceof FeatureValue.IntList l) {
            ByteBuffer b = buffer(5 + 4 * l.values().size())
                    .put((byte) 2)
                    .putInt(l.values().size());
            l.values().forEach(b::putInt);
            return b.array();
        }
        if (value instanceof FeatureValue.TextList l) {
            List<byte[]> parts = new ArrayList<>(l.values().size());
            int size = 5;
            for (String s : l.values()) {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                parts.add(bytes);
                size += 4 + bytes.length;
            }
            ByteBuffer b = buffer(size).put((byte) 3).putInt(parts.size());
            parts.forEach(p -> b.putInt(p.length).put(p));
            return b.array();
        }
        if (value instanceof FeatureValue.FloatList l) {
            return floats((byte) 5, l.values());
        }
        return floats((byte) 4, ((FeatureValue.Vector) value).values());
    }

    private static byte[] floats(byte type, float[] values) {
        ByteBuffer b = buffer(5 + 4 * values.length).put(type).putInt(values.length);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    /** Decodes what {@link #encode} wrote; refuses truncated or unknown input with a {@link FeatureStoreException}. */
    public static FeatureValue decode(byte[] bytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            byte type = b.get();
            FeatureValue value =
                    switch (type) {
                        case 0 -> new FeatureValue.Num(b.getDouble());
                        case 1 -> new FeatureValue.Text(string(b));
                        case 2 -> {
                            int n = count(b, 4);
                            List<Integer> ints = new ArrayList<>(n);
                            for (int i = 0; i < n; i++) {
                                ints.add(b.getInt());
                            }
                            yield new FeatureValue.IntList(ints);
                        }
                        case 3 -> {
                            int n = count(b, 4);
                            List<String> strings = new ArrayList<>(n);
                            for (int i = 0; i < n; i++) {
                                strings.add(string(b));
                            }
                            yield new FeatureValue.TextList(strings);
                        }
                        case 4 -> new FeatureValue.Vector(floats(b));
                        case 5 -> new FeatureValue.FloatList(floats(b));
                        default -> throw new FeatureStoreException("unknown feature type byte " + type);
                    };
            if (b.hasRemaining()) {
                throw new FeatureStoreException("feature value has " + b.remaining() + " trailing bytes");
            }
            return value;
        } catch (RuntimeException e) {
            if (e instanceof FeatureStoreException fse) {
                throw fse;
            }
            throw new FeatureStoreException("corrupt feature value (" + bytes.length + " bytes): " + e, e);
        }
    }

    /** Decodes a vector value straight to its floats, the hot path. */
    public static float[] decodeVector(byte[] bytes) {
        if (bytes.length < 5 || bytes[0] != 4) {
            throw new FeatureStoreException("not a vector value (" + bytes.length + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.position(1);
        float[] v = new float[count(b, 4)];
        b.asFloatBuffer().get(v);
        return v;
    }

    private static float[] floats(ByteBuffer b) {
        float[] v = new float[count(b, 4)];
        b.asFloatBuffer().get(v);
        b.position(b.position() + 4 * v.length);
        return v;
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int count(ByteBuffer b, int elementBytes) {
        int n = b.getInt();
        if (n < 0 || (long) n * elementBytes > b.remaining()) {
            throw new FeatureStoreException("corrupt length " + n);
        }
        return n;
    }

    private static String string(ByteBuffer b) {
        byte[] bytes = new byte[count(b, 1)];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
