package dev.wren.store.redis;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureCodec;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureSpec;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.FeatureStoreException;
import dev.wren.core.store.FeatureType;
import dev.wren.core.store.FeatureValue;
import dev.wren.core.store.Features;
import dev.wren.core.store.InvalidFeatureException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * A feature store in Redis: one hash per row at {@link FeatureSchema#rowKey}, field = feature name, value =
 * {@link FeatureCodec} bytes. Batches go through pipelines of {@value #CHUNK} commands per round trip.
 *
 * <p>Finding the live version costs no extra round trip: reads use the version last seen and append a {@code GET} of
 * the live key to the same pipeline. If the live key still names that version after the rows were read, the version
 * was live all along (a version never becomes live twice), so the whole batch is from one version; otherwise the batch
 * is read again under the new version. So a commit by another process is seen by the very next read, and a reader never
 * serves rows of a version that {@link #retain} is deleting. Updates run as one Lua script per chunk that reads the
 * live key and writes into that version, so an update never lands in a replaced version. Standalone Redis only.
 * Thread-safe.
 */
public final class RedisFeatureStore implements FeatureStore {
    private static final Logger log = LoggerFactory.getLogger(RedisFeatureStore.class);
    static final int CHUNK = 1_000;
    private static final int MAX_ATTEMPTS = 5;

    private final FeatureSchema schema;
    private final RedisClient client;
    private final String description;
    private final String liveKey;
    private volatile String lastLive; // the live version as last seen; null when unknown or none

    private RedisFeatureStore(FeatureSchema schema, RedisClient client, String description) {
        this.schema = schema;
        this.client = client;
        this.description = description;
        this.liveKey = schema.liveVersionKey();
    }

    /**
     * Connects to {@code redis://[user:password@]host:port/db} with a pool of connections and checks that the server
     * answers.
     *
     * @throws FeatureStoreException when Redis cannot be reached (the message never holds the password)
     */
    public static RedisFeatureStore open(URI uri, FeatureSchema schema) {
        Objects.requireNonNull(schema, "schema");
        String description = describe(uri);
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(32);
        pool.setMaxIdle(32);
        pool.setMinIdle(0);
        RedisClient client;
        try {
            client = RedisClient.builder().fromURI(uri).poolConfig(pool).build();
        } catch (JedisException | IllegalArgumentException e) {
            throw new FeatureStoreException("bad Redis URI " + description + ": " + e.getMessage(), e);
        }
        try {
            client.ping();
        } catch (JedisException e) {
            client.close();
            throw new FeatureStoreException("cannot talk to Redis at " + description + ": " + e.getMessage(), e);
        }
        RedisFeatureStore store = new RedisFeatureStore(schema, client, description);
        log.info("Opened {}", store);
        return store;
    }

    /** The URI without user, password or query: safe to log. */
    static String describe(URI uri) {
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri.getPort() < 0 ? 6379 : uri.getPort();
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/0" : uri.getPath();
        return uri.getScheme() + "://" + (uri.getUserInfo() == null ? "" : "***@") + host + ":" + port + path;
    }

    @Override
    public FeatureSchema schema() {
        return schema;
    }

    @Override
    public Optional<String> liveVersion() {
        String v = call(() -> client.get(liveKey));
        lastLive = v;
        return Optional.ofNullable(v);
    }

    @Override
    public List<String> versions() {
        return call(() -> List.copyOf(client.zrange(schema.versionsKey(), 0, -1)));
    }

    @Override
    public Map<Integer, Features> get(EntityKind kind, int[] ids) {
        return readLive(version -> {
            byte[][] keys = keys(version, kind, ids);
            Map<Integer, Features> out = new HashMap<>(Math.max(4, ids.length * 2));
            boolean stillLive = pipelined(
                    keys.length,
                    (p, i) -> p.hgetAll(keys[i]),
                    (i, fields) -> {
                        if (!fields.isEmpty()) {
                            out.put(ids[i], decodeRow(fields));
                        }
                    },
                    version);
            return stillLive ? out : null;
        });
    }

    /** One HMGET per row, pipelined: the named fields only, never the vectors a whole row carries. */
    @Override
    public Map<Integer, Features> get(EntityKind kind, int[] ids, Collection<String> features) {
        features.forEach(name -> schema.spec(kind, name));
        List<String> names = List.copyOf(features);
        byte[][] fields = names.stream().map(RedisFeatureStore::bytes).toArray(byte[][]::new);
        if (fields.length == 0) {
            return Map.of();
        }
        return readLive(version -> {
            byte[][] keys = keys(version, kind, ids);
            Map<Integer, Features> out = new HashMap<>();
            boolean stillLive = pipelined(
                    keys.length,
                    (p, i) -> p.hmget(keys[i], fields),
                    (i, values) -> {
                        Map<String, FeatureValue> row = new HashMap<>();
                        for (int f = 0; f < values.size(); f++) {
                            if (values.get(f) != null) {
                                row.put(names.get(f), FeatureCodec.decode(values.get(f)));
                            }
                        }
                        if (!row.isEmpty()) {
                            out.put(ids[i], new Features(row));
                        }
                    },
                    version);
            return stillLive ? out : null;
        });
    }

    @Override
    public Map<Integer, float[]> getVectors(EntityKind kind, String feature, int[] ids) {
        checkVector(kind, feature);
        byte[] field = feature.getBytes(StandardCharsets.UTF_8);
        return readLive(version -> {
            byte[][] keys = keys(version, kind, ids);
            Map<Integer, float[]> out = new HashMap<>(Math.max(4, ids.length * 2));
            boolean stillLive = pipelined(
                    keys.length,
                    (p, i) -> p.hget(keys[i], field),
                    (i, bytes) -> {
                        if (bytes != null) {
                            out.put(ids[i], FeatureCodec.decodeVector(bytes));
                        }
                    },
                    version);
            return stillLive ? out : null;
        });
    }

    @Override
    public void update(EntityKind kind, Map<Integer, Features> rows) {
        rows.forEach((id, row) -> schema.validate(kind, id, row));
        byte[] liveKeyBytes = bytes(liveKey);
        byte[] head = bytes(schema.namespace() + ":v:");
        byte[] tail = bytes(":" + kind.code() + ":");
        List<byte[]> args = new ArrayList<>();
        int inChunk = 0;
        boolean sent = false;
        for (Map.Entry<Integer, Features> e : rows.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            if (args.isEmpty()) {
                args.add(head);
                args.add(tail);
            }
            args.add(bytes(Integer.toString(e.getKey())));
            args.add(bytes(Integer.toString(e.getValue().values().size())));
            for (Map.Entry<String, FeatureValue> f : e.getValue().values().entrySet()) {
                args.add(bytes(f.getKey()));
                args.add(FeatureCodec.encode(f.getValue()));
            }
            if (++inChunk == CHUNK) {
                runUpdate(liveKeyBytes, args);
                sent = true;
                args.clear();
                inChunk = 0;
            }
        }
        if (!args.isEmpty()) {
            runUpdate(liveKeyBytes, args);
            sent = true;
        }
        if (!sent && liveVersion().isEmpty()) {
            throw noLiveVersion();
        }
    }

    private void runUpdate(byte[] liveKeyBytes, List<byte[]> args) {
        try {
            Object v = client.eval(RedisScripts.UPDATE, List.of(liveKeyBytes), args);
            lastLive = new String((byte[]) v, StandardCharsets.UTF_8);
        } catch (JedisDataException e) {
            if (String.valueOf(e.getMessage()).contains(RedisScripts.NO_LIVE)) {
                throw noLiveVersion();
            }
            throw failure(e);
        } catch (JedisException e) {
            throw failure(e);
        }
    }

    private static IllegalStateException noLiveVersion() {
        return new IllegalStateException("no live version yet: commit a snapshot before sending real-time updates");
    }

    /**
     * Visits the rows of the version live when the scan starts. SCAN walks the whole keyspace, so this is for bulk
     * loads, not the request path. Rows that {@link #retain} deletes during the scan are missed.
     */
    @Override
    public void scan(EntityKind kind, BiConsumer<Integer, Features> visitor) {
        Optional<String> version = liveVersion();
        if (version.isEmpty()) {
            return;
        }
        String prefix = schema.rowKeyPrefix(version.get(), kind);
        Set<Integer> seen = new HashSet<>(); // SCAN may return a key more than once
        forEachKey(prefix, keys -> {
            List<Integer> ids = new ArrayList<>(keys.size());
            List<byte[]> batch = new ArrayList<>(keys.size());
            for (String key : keys) {
                try {
                    int id = Integer.parseInt(key.substring(prefix.length()));
                    if (seen.add(id)) {
                        ids.add(id);
                        batch.add(bytes(key));
                    }
                } catch (NumberFormatException e) {
                    log.warn("Ignoring key {}: not a row key", key);
                }
            }
            Map<Integer, Features> rows = new HashMap<>();
            pipelined(
                    batch.size(),
                    (p, i) -> p.hgetAll(batch.get(i)),
                    (i, fields) -> {
                        if (!fields.isEmpty()) {
                            rows.put(ids.get(i), decodeRow(fields));
                        }
                    },
                    null);
            rows.forEach(visitor);
        });
    }

    @Override
    public SnapshotWriter beginSnapshot(String version) {
        FeatureSchema.checkVersion(version);
        if (call(() -> client.zscore(schema.versionsKey(), version)) != null) {
            throw new IllegalArgumentException("version '" + version + "' is already committed; pick a new name");
        }
        long leftovers = deleteVersionKeys(version);
        if (leftovers > 0) {
            log.info("Deleted {} keys of version {} left by a snapshot that never committed", leftovers, version);
        }
        return new RedisSnapshotWriter(this, version);
    }

    @Override
    public void retain(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1 (the live version), got " + keep);
        }
        Optional<String> live = liveVersion();
        List<String> others = new ArrayList<>(versions());
        live.ifPresent(others::remove);
        int drop = Math.max(0, others.size() - (keep - 1));
        for (String version : others.subList(0, drop)) {
            // Unlisted first, so that no one starts reading it; then its rows go.
            call(() -> client.zrem(schema.versionsKey(), version));
            long deleted = deleteVersionKeys(version);
            log.info("Dropped feature store version {} ({} keys)", version, deleted);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "RedisFeatureStore[" + description + ", namespace=" + schema.namespace() + "]";
    }

    // ---- used by the snapshot writer ----

    void putRows(String version, EntityKind kind, Map<Integer, Features> rows) {
        rows.forEach((id, row) -> schema.validate(kind, id, row));
        int[] ids = rows.keySet().stream().mapToInt(Integer::intValue).toArray();
        byte[][] keys = keys(version, kind, ids);
        List<Map<byte[], byte[]>> encoded = new ArrayList<>(ids.length);
        for (int id : ids) {
            Map<byte[], byte[]> fields = new HashMap<>();
            rows.get(id).values().forEach((name, value) -> fields.put(bytes(name), FeatureCodec.encode(value)));
            encoded.add(fields);
        }
        // A put replaces the row: delete, then set, in the same pipeline.
        pipelined(
                ids.length,
                (p, i) -> {
                    p.del(keys[i]);
                    return encoded.get(i).isEmpty() ? null : p.hset(keys[i], encoded.get(i));
                },
                (i, r) -> {},
                null);
    }

    void commitVersion(String version) {
        try {
            client.eval(RedisScripts.COMMIT, List.of(liveKey, schema.versionsKey()), List.of(version));
            lastLive = version;
        } catch (JedisDataException e) {
            if (String.valueOf(e.getMessage()).contains(RedisScripts.EXISTS)) {
                throw new IllegalArgumentException(
                        "version '" + version + "' was committed meanwhile by another writer");
            }
            throw failure(e);
        } catch (JedisException e) {
            throw failure(e);
        }
    }

    /** Deletes every row key of one version; returns how many. */
    long deleteVersionKeys(String version) {
        long[] deleted = {0};
        forEachKey(schema.namespace() + ":v:" + version + ":", keys -> {
            if (!keys.isEmpty()) {
                deleted[0] += call(() -> client.unlink(keys.toArray(String[]::new)));
            }
        });
        return deleted[0];
    }

    // ---- plumbing ----

    private interface Step<R> {
        Response<R> send(Pipeline p, int i);
    }

    private interface Sink<R> {
        void accept(int i, R result);
    }

    private interface VersionRead<T> {
        /** Reads under this version; returns the result, or null to retry when the live version moved. */
        T read(String version);
    }

    /**
     * Runs {@code n} pipelined steps in chunks. When {@code version} is non-null, also reads the live key after the last
     * chunk and returns whether it still names that version (remembering what it names); otherwise returns true.
     */
    private <R> boolean pipelined(int n, Step<R> step, Sink<R> sink, String version) {
        try (Pipeline p = client.pipelined()) {
            List<Response<R>> responses = new ArrayList<>(Math.min(n, CHUNK));
            Response<String> liveNow = null;
            int start = 0;
            do {
                int end = Math.min(n, start + CHUNK);
                responses.clear();
                for (int i = start; i < end; i++) {
                    responses.add(step.send(p, i));
                }
                if (end == n && version != null) {
                    liveNow = p.get(liveKey);
                }
                p.sync();
                for (int i = start; i < end; i++) {
                    Response<R> r = responses.get(i - start);
                    if (r != null) {
                        sink.accept(i, r.get());
                    }
                }
                start = end;
            } while (start < n);
            if (version == null) {
                return true;
            }
            String now = liveNow.get();
            if (version.equals(now)) {
                return true;
            }
            lastLive = now;
            return false;
        } catch (JedisException e) {
            throw failure(e);
        }
    }

    private <T> T readLive(VersionRead<T> read) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String version = lastLive;
            if (version == null) {
                version = liveVersion().orElse(null);
                if (version == null) {
                    return emptyResult(read);
                }
            }
            T result = read.read(version);
            if (result != null) {
                return result;
            }
            if (lastLive == null) {
                return emptyResult(read); // the live key vanished: a flushed database
            }
        }
        throw new FeatureStoreException("the live version of " + this + " kept changing during " + MAX_ATTEMPTS
                + " attempts to read one batch");
    }

    @SuppressWarnings("unchecked")
    private static <T> T emptyResult(VersionRead<T> read) {
        return (T) Map.of();
    }

    private void forEachKey(String prefix, java.util.function.Consumer<List<String>> batch) {
        ScanParams params = new ScanParams().match(prefix + "*").count(CHUNK);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            String at = cursor;
            ScanResult<String> page = call(() -> client.scan(at, params));
            if (!page.getResult().isEmpty()) {
                batch.accept(page.getResult());
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }

    private byte[][] keys(String version, EntityKind kind, int[] ids) {
        String prefix = schema.rowKeyPrefix(version, kind);
        byte[][] keys = new byte[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            keys[i] = bytes(prefix + ids[i]);
        }
        return keys;
    }

    private static Features decodeRow(Map<byte[], byte[]> fields) {
        Map<String, FeatureValue> values = new HashMap<>(fields.size() * 2);
        fields.forEach(
                (name, value) -> values.put(new String(name, StandardCharsets.UTF_8), FeatureCodec.decode(value)));
        return new Features(values);
    }

    private void checkVector(EntityKind kind, String feature) {
        FeatureSpec spec = schema.spec(kind, feature);
        if (spec.type() != FeatureType.VECTOR) {
            throw new InvalidFeatureException(
                    kind.name().toLowerCase() + " feature '" + feature + "' is " + spec.type() + ", not a vector");
        }
    }

    private <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            throw failure(e);
        }
    }

    private FeatureStoreException failure(JedisException e) {
        return new FeatureStoreException("Redis at " + description + " failed: " + e.getMessage(), e);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
