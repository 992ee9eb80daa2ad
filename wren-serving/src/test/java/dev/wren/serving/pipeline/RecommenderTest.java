package dev.wren.serving.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.ScoredItem;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStoreException;
import dev.wren.serving.PipelineSettings;
import dev.wren.serving.ab.Experiment;
import dev.wren.serving.ab.Variant;
import dev.wren.serving.events.EventLog;
import dev.wren.serving.events.JsonLinesEventLog;
import dev.wren.serving.events.RecentEvents;
import dev.wren.serving.rank.BlendRanker;
import dev.wren.store.embedded.EmbeddedFeatureStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recommender over a real serving state: what one request reads, and which requests a store failure marks. */
class RecommenderTest {
    private static final int A = 3;
    private static final int B = 4;
    private static final int NEWCOMER = 99;
    private static final String FRAGILE = "fragile";
    private static final String[] GENRES = {"Action", "Comedy", "Drama"};

    @TempDir
    Path tmp;

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private WatchedStore store;
    private ServingState state;
    private EventLog eventLog;

    @BeforeEach
    void load() throws Exception {
        store = new WatchedStore(EmbeddedFeatureStore.inMemory(FeatureSchema.standard(8)));
        // A ranker whose own store read fails for user A, as one another module registers might.
        StageFactories stages = StageFactories.builtIn().withRanker(FRAGILE, d -> (context, candidates) -> {
            if (context.user().userId() == A) {
                throw new FeatureStoreException("the ranker's own read failed", new RuntimeException("timeout"));
            }
            return BlendRanker.standard(d.catalog()).rank(context, candidates);
        });
        state = new StateLoader(store, new RecentEvents(), PipelineSettings.defaults(), List.of(), stages, 8)
                .load(movieLens(tmp.resolve("ml")), "test");
        eventLog = JsonLinesEventLog.open(tmp.resolve("events.jsonl"), new ObjectMapper(), metrics);
        store.resetCounts();
    }

    @AfterEach
    void close() {
        eventLog.close();
        state.close();
        store.close();
    }

    /** 30 movies in three genres; eight users, each rating a third of them, their own genre high. */
    private static Path movieLens(Path dir) throws Exception {
        Files.createDirectories(dir);
        List<String> movies = new ArrayList<>(List.of("movieId,title,genres"));
        for (int m = 1; m <= 30; m++) {
            movies.add(m + ",Movie " + m + " (" + (1980 + m) + ")," + GENRES[m % 3]);
        }
        List<String> ratings = new ArrayList<>(List.of("userId,movieId,rating,timestamp"));
        for (int u = 1; u <= 8; u++) {
            for (int m = 1; m <= 30; m++) {
                if ((m + u) % 3 == 0 || m % 7 == u % 7) {
                    ratings.add(u + "," + m + "," + (m % 3 == u % 3 ? 4.5 : 2) + "," + (1_000_000L + u * 100 + m));
                }
            }
        }
        Files.write(dir.resolve("movies.csv"), movies);
        Files.write(dir.resolve("ratings.csv"), ratings);
        return dir;
    }

    private Recommender recommender(PipelineSettings settings, List<Experiment> experiments) {
        return new Recommender(() -> state, settings, experiments, eventLog, metrics);
    }

    private Recommender recommender() {
        return recommender(PipelineSettings.defaults(), List.of());
    }

    private double degradedCount() {
        return metrics.counter(Recommender.DEGRADED_COUNTER).count();
    }

    private List<Integer> rated(int userId) {
        return Arrays.stream(state.data().ratings().user(userId).orElseThrow().items())
                .boxed()
                .toList();
    }

    @Test
    void aRequestReadsItsUsersStoreRowOnceThroughEveryChannel() {
        List<String> everyChannel = new ArrayList<>(state.stages().retrievers().keySet());
        Recommender recommender =
                recommender(PipelineSettings.defaults().withChannels(everyChannel, Map.of()), List.of());

        Recommendation known = recommender.recommend(RecommendRequest.of(A, 5));
        Recommendation newcomer = recommender.recommend(RecommendRequest.of(NEWCOMER, 5));
        recommender.trace(RecommendRequest.of(B, 5), 20);

        assertThat(store.userReads(A)).isEqualTo(1);
        assertThat(store.userReads(NEWCOMER)).isEqualTo(1);
        assertThat(store.userReads(B)).isEqualTo(1);
        assertThat(known.items()).hasSize(5);
        assertThat(known.coldStart()).isFalse();
        assertThat(newcomer.coldStart()).isTrue();
        assertThat(newcomer.items()).hasSize(5);
    }

    @Test
    void anInterleavedRequestRunsBothTeamsOnOneReadOfTheRow() {
        Experiment teams = new Experiment(
                "rankers",
                List.of(
                        new Variant("cf", 0.5, Optional.empty(), Optional.of("cf"), Optional.empty()),
                        new Variant("blend", 0.5, Optional.empty(), Optional.of("blend"), Optional.empty())),
                Experiment.Type.INTERLEAVING);

        Recommendation r =
                recommender(PipelineSettings.defaults(), List.of(teams)).recommend(RecommendRequest.of(A, 5));

        assertThat(r.assignments()).containsEntry("rankers", Experiment.INTERLEAVED);
        assertThat(store.userReads(A)).isEqualTo(1);
    }

    @Test
    void aStoreFailureMarksTheRequestItHappenedInAndNotTheNext() {
        store.unreachableFor(Set.of(A));
        Recommender recommender = recommender();

        Recommendation a = recommender.recommend(RecommendRequest.of(A, 5));
        Recommendation b = recommender.recommend(RecommendRequest.of(B, 5));

        assertThat(a.degraded()).contains(Recommender.DEGRADED);
        // Served from the ratings file instead: still five items, none of them already rated.
        assertThat(a.items()).hasSize(5).extracting(ScoredItem::itemId).doesNotContainAnyElementsOf(rated(A));
        assertThat(b.degraded()).isEmpty();
        assertThat(degradedCount()).isEqualTo(1);
    }

    @Test
    void aHealthyRequestInFlightWhileAnotherFailsIsNotMarked() throws Exception {
        store.unreachableFor(Set.of(A));
        Recommender recommender = recommender();
        CountDownLatch bReading = new CountDownLatch(1);
        CountDownLatch aServed = new CountDownLatch(1);
        // B's request starts, then waits in its row read until A's request has failed and been answered in full.
        store.beforeUserRead(id -> {
            if (id == B) {
                bReading.countDown();
                await(aServed);
            }
        });
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Recommendation> b = other.submit(() -> recommender.recommend(RecommendRequest.of(B, 5)));
            assertThat(bReading.await(10, TimeUnit.SECONDS)).isTrue();
            Recommendation a = recommender.recommend(RecommendRequest.of(A, 5));
            aServed.countDown();

            assertThat(a.degraded()).contains(Recommender.DEGRADED);
            assertThat(b.get(10, TimeUnit.SECONDS).degraded()).isEmpty();
            assertThat(degradedCount()).isEqualTo(1);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void whenAStagesOwnStoreReadFailsTheFallbacksAnswerThatRequestAlone() {
        Recommender recommender = recommender(PipelineSettings.defaults().withRanker(FRAGILE), List.of());

        Recommendation a = recommender.recommend(RecommendRequest.of(A, 5));
        Recommendation b = recommender.recommend(RecommendRequest.of(B, 5));

        assertThat(a.degraded()).contains(Recommender.DEGRADED);
        assertThat(a.items())
                .hasSize(5)
                .extracting(ScoredItem::channel)
                .allMatch(PipelineSettings.defaults().fallbacks()::contains);
        assertThat(b.degraded()).isEmpty();
        assertThat(b.items()).hasSize(5);
        assertThat(degradedCount()).isEqualTo(1);
        assertThat(store.userReads(A)).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out waiting for the other request");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
