// Times one trend refresh's store read: two fields (trendingCount, streamTime) of every item, on the embedded store and
// on Redis holding the same item rows, against reading the whole rows from Redis. Run with the CLI's class path:
//
//   java -cp "wren-cli/target/wren-cli.jar:wren-cli/target/lib/*" wren-serving/bench/TrendRefreshRead.java \
//     /tmp/trend-bh/store redis://127.0.0.1:PORT/0
//
// The Redis database gets a new snapshot version of the item rows; use a scratch redis-server.
import dev.wren.core.store.*;
import dev.wren.store.FeatureStores;
import java.util.*;

public class TrendRefreshRead {
    public static void main(String[] a) throws Exception {
        FeatureSchema schema = FeatureSchema.standard(32);
        List<String> f = List.of(FeatureSchema.TRENDING_COUNT, FeatureSchema.STREAM_TIME);
        Map<Integer, Features> items = new HashMap<>();
        try (FeatureStore e = FeatureStores.open("embedded:" + a[0], schema)) {
            e.scan(EntityKind.ITEM, items::put);
            int[] ids = items.keySet().stream().mapToInt(Integer::intValue).toArray();
            time("embedded", e, ids, f);
        }
        try (FeatureStore r = FeatureStores.open(a[1], schema)) {
            try (FeatureStore.SnapshotWriter w = r.beginSnapshot("bench-" + System.currentTimeMillis())) {
                w.put(EntityKind.ITEM, items);
                w.commit();
            }
            int[] ids = items.keySet().stream().mapToInt(Integer::intValue).toArray();
            time("redis", r, ids, f);
            long t = System.nanoTime();
            for (int i = 0; i < 5; i++) r.get(EntityKind.ITEM, ids);
            System.out.printf("redis whole rows: %.1f ms per read of %d rows%n", (System.nanoTime() - t) / 5e6, ids.length);
        }
    }

    static void time(String name, FeatureStore s, int[] ids, List<String> f) {
        for (int i = 0; i < 5; i++) s.get(EntityKind.ITEM, ids, f); // warm-up
        long t = System.nanoTime();
        int n = 0;
        for (int i = 0; i < 20; i++) n = s.get(EntityKind.ITEM, ids, f).size();
        System.out.printf("%s: %.1f ms per read of %d ids (%d with a trend field)%n", name, (System.nanoTime() - t) / 20e6, ids.length, n);
    }
}
