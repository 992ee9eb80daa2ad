package dev.wren.serving.models;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.Features;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.Sample;
import dev.wren.model.offline.OfflineLayout;
import dev.wren.model.offline.ParquetRows;
import dev.wren.model.online.ServingBundle;
import dev.wren.model.serve.FeatureRows;
import dev.wren.store.FeatureStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;

/**
 * By hand only (not a *Test or *IT): on a real offline output, how far the store-based encoding of each user's last
 * test sample is from the Parquet row's, field by field, and in model score. Run with {@code -Dtest=StoreVsSamplesCheck
 * -Dwren.check.offline=DIR -Dwren.check.store=URI -Dwren.check.bundle=DIR [-Dwren.check.dim=32]}.
 *
 * <p>On ml-latest-small (wren offline + the deepfm bundle of wren train, 2026-11-26): 116 users with test samples; the
 * ids, genre slots and release year always encode identically; every point-in-time statistic differs (user and item
 * rating count, average and deviation, the user's release-year average and deviation, 60 item count buckets, 87 recent
 * positive lists, 2-14 top-genre slots), because a sample holds the features strictly before its event while the store
 * holds them as of the end of the log, that event and all later ones included. Scores: mean |difference| 0.032, max
 * 0.45, Pearson 0.94. With store rows that describe the same moment, the encodings and scores are identical
 * ({@code StoreFeatureEncoderTest} in wren-model).
 */
class StoreVsSamplesCheck {
    @Test
    void compareStoreFeaturesWithTheLastSampleOfEachUser() {
        String offline = System.getProperty("wren.check.offline");
        assumeTrue(offline != null, "by hand: pass -Dwren.check.offline, -Dwren.check.store and -Dwren.check.bundle");
        Path bundleDir = Path.of(System.getProperty("wren.check.bundle"));
        int dim = Integer.getInteger("wren.check.dim", 32);
        try (ServingBundle bundle = ServingBundle.open(bundleDir, Optional.of(Path.of(offline)), 1);
                FeatureStore store =
                        FeatureStores.open(System.getProperty("wren.check.store"), FeatureSchema.standard(dim))) {
            OfflineLayout layout = bundle.encoder().offlineLayout();
            FeatureLayout fl = layout.layout();
            Path test = Path.of(offline, "samples", "time", "test");
            assumeTrue(Files.isDirectory(test), "no time-split test samples in " + offline);
            Map<Integer, Group> last = new HashMap<>();
            Map<Integer, Long> lastTime = new HashMap<>();
            try (Stream<Group> rows = new ParquetRows(ParquetRows.filesOf(test), layout.columns()).stream()) {
                rows.forEach(g -> {
                    Sample s = layout.decode(g);
                    int user = (int) s.group();
                    long t = layout.time(g);
                    if (t >= lastTime.getOrDefault(user, Long.MIN_VALUE)) {
                        lastTime.put(user, t);
                        last.put(user, g);
                    }
                });
            }
            Map<String, Integer> differing = new TreeMap<>();
            double sumAbs = 0;
            double maxAbs = 0;
            int identical = 0;
            int n = 0;
            double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
            for (Map.Entry<Integer, Group> e : last.entrySet()) {
                Sample row = layout.decode(e.getValue());
                int itemId = row.categorical()[fl.categoricalIndex(OfflineLayout.ITEM_ID)];
                Features u = store.get(EntityKind.USER, e.getKey()).orElse(Features.empty());
                Features i = store.get(EntityKind.ITEM, itemId).orElse(Features.empty());
                Sample fromStore = bundle.encoder().sample(e.getKey(), u, itemId, i);
                boolean same = true;
                for (int c = 0; c < fl.categoricalCount(); c++) {
                    if (row.categorical()[c] != fromStore.categorical()[c]) {
                        differing.merge(fl.categorical().get(c).name(), 1, Integer::sum);
                        same = false;
                    }
                }
                for (int c = 0; c < fl.numericCount(); c++) {
                    if (row.numeric()[c] != fromStore.numeric()[c]) {
                        differing.merge(fl.numeric().get(c).name(), 1, Integer::sum);
                        same = false;
                    }
                }
                if (!java.util.Arrays.equals(row.sequence(), fromStore.sequence())) {
                    differing.merge(OfflineLayout.RECENT_POSITIVES, 1, Integer::sum);
                    same = false;
                }
                identical += same ? 1 : 0;
                float a = bundle.scorer().score(FeatureRows.userOf(fl, row), List.of(FeatureRows.itemOf(fl, row)))[0];
                float b = bundle.scorer()
                        .score(FeatureRows.userOf(fl, fromStore), List.of(FeatureRows.itemOf(fl, fromStore)))[0];
                sumAbs += Math.abs(a - b);
                maxAbs = Math.max(maxAbs, Math.abs(a - b));
                sx += a;
                sy += b;
                sxx += a * a;
                syy += b * b;
                sxy += a * b;
                n++;
            }
            double corr = (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
            System.out.printf(
                    "%d users' last test samples: %d encode identically; score |diff| mean %.4f max %.4f,"
                            + " Pearson %.4f%nfields that differ (rows): %s%n",
                    n, identical, sumAbs / n, maxAbs, corr, differing);
        }
    }
}
