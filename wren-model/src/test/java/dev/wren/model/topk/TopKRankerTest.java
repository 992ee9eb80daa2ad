package dev.wren.model.topk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.model.bundle.CorruptBundleException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class TopKRankerTest {
    private static final Logger log = LoggerFactory.getLogger(TopKRankerTest.class);
    /** How much better than its strongest input the ranker must rank users it never saw. */
    private static final double MARGIN = 0.3;

    private static final RankingSamples TRAIN = PlantedRanking.samples(300, 50, 1);
    private static final RankingSamples HELD_OUT = PlantedRanking.samples(200, 50, 2);
    private static TopKRanker ranker;

    @BeforeAll
    static void train() {
        ranker = new TopKRankerTrainer().train(TRAIN, TopKRankerParams.defaults());
    }

    @AfterAll
    static void close() {
        ranker.close();
    }

    /** Scores every row of the samples, one user's list per call as serving would. */
    private static float[] scoreByUser(TopKRanker model, RankingSamples samples) {
        Map<Integer, List<Integer>> rowsOf = new HashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            rowsOf.computeIfAbsent(samples.groups()[i], g -> new ArrayList<>()).add(i);
        }
        float[] scores = new float[samples.size()];
        for (List<Integer> rows : rowsOf.values()) {
            float[][] features = rows.stream().map(i -> samples.features()[i]).toArray(float[][]::new);
            float[] s = model.score(features);
            for (int i = 0; i < s.length; i++) {
                scores[rows.get(i)] = s[i];
            }
        }
        return scores;
    }

    @Test
    void ranksHeldOutUsersBetterThanItsBestSingleFeatureWhenRelevanceIsAnInteraction() {
        GroupedNdcg ndcg = new GroupedNdcg(
                HELD_OUT.groups(),
                HELD_OUT.labels(),
                IntStream.range(0, HELD_OUT.size()).toArray(),
                10);
        double model = ndcg.mean(scoreByUser(ranker, HELD_OUT));
        double bestFeature = IntStream.range(0, HELD_OUT.width())
                .mapToDouble(j -> Math.max(
                        ndcg.meanOfColumn(HELD_OUT.features(), j, true),
                        ndcg.meanOfColumn(HELD_OUT.features(), j, false)))
                .max()
                .orElseThrow();
        log.info(
                "held-out NDCG@10 over {} users: ranker {}, best single feature {} (validation: ranker {}, best"
                        + " single feature '{}' {})",
                ndcg.lists(),
                String.format("%.4f", model),
                String.format("%.4f", bestFeature),
                String.format("%.4f", ranker.validationNdcg()),
                ranker.bestFeature(),
                String.format("%.4f", ranker.bestFeatureNdcg()));
        assertThat(model).isGreaterThan(bestFeature + MARGIN);
        assertThat(ranker.validationNdcg()).isGreaterThan(ranker.bestFeatureNdcg());
    }

    @Test
    void theSameSeedGivesTheSameRankerAndAnotherSeedAnotherOne() {
        RankingSamples small = PlantedRanking.samples(60, 50, 4);
        TopKRankerParams params = TopKRankerParams.defaults().withEpochs(2, 2).withSeed(5);
        float[][] list = PlantedRanking.oneList(50, 8);
        TopKRankerTrainer trainer = new TopKRankerTrainer();
        try (TopKRanker first = trainer.train(small, params);
                TopKRanker again = trainer.train(small, params);
                TopKRanker other = trainer.train(small, params.withSeed(6))) {
            assertThat(again.score(list)).containsExactly(first.score(list));
            assertThat(other.score(list)).isNotEqualTo(first.score(list));
        }
    }

    @Test
    void savedAndLoadedItScoresIdenticallyAndNamesItsFeatures(@TempDir Path dir) {
        float[][] list = PlantedRanking.oneList(200, 7);
        ranker.save(dir);
        try (TopKRanker loaded = TopKRanker.load(dir)) {
            assertThat(loaded.score(list)).containsExactly(ranker.score(list));
            assertThat(loaded.featureNames()).containsExactly(PlantedRanking.NAMES);
            assertThat(loaded.validationNdcg()).isEqualTo(ranker.validationNdcg());
            assertThat(loaded.bestFeatureNdcg()).isEqualTo(ranker.bestFeatureNdcg());
            assertThat(loaded.bestFeature()).isEqualTo(ranker.bestFeature());
        }
    }

    @Test
    void itsManifestRecordsWhatACallerMustFeedItAndHowWellItDid(@TempDir Path dir) throws Exception {
        ranker.save(dir);
        JsonNode manifest =
                new ObjectMapper().readTree(dir.resolve(TopKRanker.MANIFEST).toFile());
        assertThat(manifest.get("featureNames").toString()).isEqualTo("[\"f0\",\"f1\",\"f2\",\"f3\",\"f4\",\"f5\"]");
        assertThat(manifest.get("means")).hasSize(6);
        assertThat(manifest.get("deviations")).hasSize(6);
        assertThat(manifest.get("hidden").toString()).isEqualTo("[32,16]");
        assertThat(manifest.get("validationNdcg").asDouble()).isEqualTo(ranker.validationNdcg());
        assertThat(manifest.get("bestFeatureNdcg").asDouble()).isEqualTo(ranker.bestFeatureNdcg());
        assertThat(manifest.get("parametersSha256").asText()).hasSize(64);
    }

    @Test
    void scoresFromFourThreadsAsItDoesFromOne() throws Exception {
        List<float[][]> lists = IntStream.range(0, 40)
                .mapToObj(i -> PlantedRanking.oneList(200, 100 + i))
                .toList();
        List<float[]> sequential = lists.stream().map(ranker::score).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (float[][] list : lists) {
                    futures.add(pool.submit(() -> ranker.score(list)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).containsExactly(sequential.get(i % lists.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reportsTheTimeToScoreTwoHundredCandidatesOfTenFeatures() {
        String[] names = IntStream.range(0, 10).mapToObj(j -> "x" + j).toArray(String[]::new);
        RankingSamples wide = widened(PlantedRanking.samples(60, 50, 3), names);
        TopKRankerParams quick = TopKRankerParams.defaults().withEpochs(1, 1);
        try (TopKRanker tenFeatures = new TopKRankerTrainer().train(wide, quick)) {
            float[][] list = new float[200][10];
            for (int i = 0; i < list.length; i++) {
                for (int j = 0; j < 10; j++) {
                    list[i][j] = (float) Math.sin(i * 10 + j);
                }
            }
            for (int i = 0; i < 2000; i++) {
                tenFeatures.score(list); // warm-up: JIT and PyTorch's allocator
            }
            long[] nanos = new long[5000];
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                tenFeatures.score(list);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            log.info(
                    "score(200 x 10) on one thread: median {} ms, p90 {} ms, p99 {} ms",
                    String.format("%.3f", nanos[nanos.length / 2] / 1e6),
                    String.format("%.3f", nanos[nanos.length * 9 / 10] / 1e6),
                    String.format("%.3f", nanos[nanos.length * 99 / 100] / 1e6));
        }
    }

    /** The samples with noise columns appended up to {@code names.length} features. */
    private static RankingSamples widened(RankingSamples samples, String[] names) {
        float[][] rows = new float[samples.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Arrays.copyOf(samples.features()[i], names.length);
            for (int j = samples.width(); j < names.length; j++) {
                rows[i][j] = (float) Math.cos(i * 31 + j);
            }
        }
        return new RankingSamples(names, rows, samples.labels(), samples.groups());
    }

    @Test
    void refusesRowsOfAnotherWidth() {
        assertThatThrownBy(() -> ranker.score(new float[][] {{1, 2, 3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 0 has 3 values, expected 6");
    }

    @Test
    void scoresAnEmptyListAsNoScores() {
        assertThat(ranker.score(new float[0][])).isEmpty();
    }

    @Test
    void aFolderWithoutManifestFailsNamingTheFile(@TempDir Path dir) {
        assertThatThrownBy(() -> TopKRanker.load(dir))
                .isInstanceOf(CorruptBundleException.class)
                .hasMessageContaining(dir.resolve(TopKRanker.MANIFEST).toString())
                .hasMessageContaining("missing");
    }

    @Test
    void aCorruptManifestFailsNamingTheFile(@TempDir Path dir) throws Exception {
        ranker.save(dir);
        Path manifest = dir.resolve(TopKRanker.MANIFEST);
        Files.writeString(manifest, "{\"formatVersion\": 1, \"featureNames\": [\"f0\"");
        assertThatThrownBy(() -> TopKRanker.load(dir))
                .isInstanceOf(CorruptBundleException.class)
                .hasMessageContaining(manifest.toString())
                .hasMessageContaining("not a valid ranker manifest");
    }

    @Test
    void changedParametersFailTheirChecksum(@TempDir Path dir) throws Exception {
        ranker.save(dir);
        Path parameters = dir.resolve(TopKRanker.PARAMETERS);
        byte[] bytes = Files.readAllBytes(parameters);
        bytes[bytes.length - 1] ^= 1;
        Files.write(parameters, bytes);
        assertThatThrownBy(() -> TopKRanker.load(dir))
                .isInstanceOf(CorruptBundleException.class)
                .hasMessageContaining(parameters.toString())
                .hasMessageContaining("SHA-256");
    }
}
