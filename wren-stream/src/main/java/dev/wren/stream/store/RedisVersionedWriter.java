package dev.wren.stream.store;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureCodec;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStoreException;
import dev.wren.core.store.FeatureValue;
import dev.wren.core.store.Features;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Versioned writes into Redis in one atomic step per batch: a Lua script reads each row's stored stream time and sets
 * the row's fields only when the new one is later ("set if newer"). Redis runs a script alone, so no other writer
 * (another job attempt, a second sink task) can slip in between the check and the write. Rows go to the version that
 * is live when the script runs, with the key layout of {@code RedisFeatureStore} ({@code ns:v:<version>:u:<id>}, one
 * hash field per feature, values in {@link FeatureCodec}). Thread-safe (the client pools connections).
 */
public final class RedisVersionedWriter implements VersionedWriter {
    static final String NO_LIVE = "WREN_NO_LIVE";
    private static final int CHUNK = 200;

    /**
     * KEYS[1] the live key. ARGV[1] the key prefix up to the version ("ns:v:"), ARGV[2] the rest up to the id (":u:"),
     * ARGV[3] the stream time field; then per row: id, stream time, field count n, n pairs of field and value. A stored
     * stream time is a FeatureCodec number: type byte 0, then a little-endian double.
     */
    private static final byte[] SET_IF_NEWER = ("local v = redis.call('GET', KEYS[1])\n"
                    + "if not v then return redis.error_reply('" + NO_LIVE + "') end\n"
                    + "local written = 0\n"
                    + "local i = 4\n"
                    + "while i <= #ARGV do\n"
                    + "  local key = ARGV[1] .. v .. ARGV[2] .. ARGV[i]\n"
                    + "  local n = tonumber(ARGV[i + 2])\n"
                    + "  local stored = redis.call('HGET', key, ARGV[3])\n"
                    + "  local stale = false\n"
                    + "  if stored and #stored == 9 and string.byte(stored, 1) == 0 then\n"
                    + "    stale = struct.unpack('<d', stored, 2) >= tonumber(ARGV[i + 1])\n"
                    + "  end\n"
                    + "  if not stale then\n"
                    + "    redis.call('HSET', key, unpack(ARGV, i + 3, i + 2 + 2 * n))\n"
                    + "    written = written + 1\n"
                    + "  end\n"
                    + "  i = i + 3 + 2 * n\n"
                    + "end\n"
                    + "return written\n")
            .getBytes(StandardCharsets.UTF_8);

    private final FeatureSchema schema;
    private final RedisClient client;

    private RedisVersionedWriter(FeatureSchema schema, RedisClient client) {
        this.schema = schema;
        this.client = client;
    }

    /** Connects to {@code redis://[user:password@]host:port/db}. */
    public static RedisVersionedWriter open(URI uri, FeatureSchema schema) {
        try {
            RedisClient client = RedisClient.builder()
                    .hostAndPort(JedisURIHelper.getHostAndPort(uri))
                    .clientConfig(DefaultJedisClientConfig.builder(uri).build())
                    .build();
            return new RedisVersionedWriter(schema, client);
        } catch (JedisException | IllegalArgumentException e) {
            throw new FeatureStoreException("cannot connect to Redis for versioned writes: " + e.getMessage(), e);
        }
    }

    @Override
    public int write(EntityKind kind, Map<Integer, Features> rows) {
        rows.forEach((id, row) -> schema.validate(kind, id, row));
        List<byte[]> keys = List.of(bytes(schema.liveVersionKey()));
        List<byte[]> args = new ArrayList<>();
        int written = 0;
        int inChunk = 0;
        for (Map.Entry<Integer, Features> e : rows.entrySet()) {
            if (args.isEmpty()) {
                args.add(bytes(schema.namespace() + ":v:"));
                args.add(bytes(":" + kind.code() + ":"));
                args.add(bytes(FeatureSchema.STREAM_TIME));
            }
            Features row = e.getValue();
            args.add(bytes(Integer.toString(e.getKey())));
            // The shortest decimal that reads back as the same double (a user's version has a fraction).
            args.add(bytes(Double.toString(VersionedWriter.streamTime(e.getKey(), row))));
            args.add(bytes(Integer.toString(row.values().size())));
            for (Map.Entry<String, FeatureValue> f : row.values().entrySet()) {
                args.add(bytes(f.getKey()));
                args.add(FeatureCodec.encode(f.getValue()));
            }
            if (++inChunk == CHUNK) {
                written += run(keys, args);
                args.clear();
                inChunk = 0;
            }
        }
        if (!args.isEmpty()) {
            written += run(keys, args);
        }
        return written;
    }

    private int run(List<byte[]> keys, List<byte[]> args) {
        try {
            return ((Long) client.eval(SET_IF_NEWER, keys, args)).intValue();
        } catch (JedisDataException e) {
            if (String.valueOf(e.getMessage()).contains(NO_LIVE)) {
                throw new IllegalStateException("the Redis feature store has no live version: publish one first");
            }
            throw new FeatureStoreException("Redis refused a versioned write: " + e.getMessage(), e);
        } catch (JedisException e) {
            throw new FeatureStoreException("Redis failed during a versioned write: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
