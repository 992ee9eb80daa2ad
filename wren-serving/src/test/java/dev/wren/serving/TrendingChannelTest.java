package dev.wren.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.Features;
import dev.wren.serving.events.EventLog;
import dev.wren.serving.events.JsonLinesEventLog;
import dev.wren.serving.events.RecentEvents;
import dev.wren.serving.pipeline.Recommender;
import dev.wren.serving.pipeline.ServingState;
import dev.wren.serving.pipeline.StageFactories;
import dev.wren.serving.pipeline.StateLoader;
import dev.wren.serving.recall.TrendingRetriever;
import dev.wren.serving.trend.TrendSettings;
import dev.wren.serving.trend.TrendTracker;
import dev.wren.serving.trend.Trending;
import dev.wren.store.embedded.EmbeddedFeatureStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trending channel in the real pipeline over a tiny MovieLens folder and the in-memory store. */
class TrendingChannelTest {
    private static final long NOW = 1_764_982_800_000L;
    /**
     * Two channels that find something on a fresh install, then the same with a trending share; a budget small enough
     * for the tiny catalogue that a share lost to the fallbacks would change the candidates.
     */
    private static final PipelineSettings WITHOUT = PipelineSettings.defaults()
            .withChannels(List.of("item-cf", "genre-top"), Map.of("item-cf", 0.5, "genre-top", 0.5))
            .withCandidateBudget(20);

    private static final PipelineSettings WITH = PipelineSettings.defaults()
            .withChannels(
                    List.of("item-cf", "genre-top", TrendingRetriever.NAME),
                    Map.of("item-cf", 0.45, "genre-top", 0.45, TrendingRetriever.NAME, 0.1))
            .withCandidateBudget(20);

    @TempDir
    Path tmp;

    private FeatureStore store;
    private TrendTracker tracker;
    private ServingState state;
    private EventLog eventLog;

    @BeforeEach
    void load() throws Exception {
        Path data = TinyMovieLens.write(tmp.resolve("ml"), 7);
        store = EmbeddedFeatureStore.inMemory(FeatureSchema.standard(8));
        tracker = new TrendTracker(store, TrendSettings.defaults());
        state = new StateLoader(
                        store,
                        new RecentEvents(),
                        WITH,
                        List.of(),
                        StageFactories.builtIn(),
                        8,
                        Optional.empty(),
                        Optional.empty(),
                        1,
                        tracker::current)
                .load(data, "test");
        eventLog = JsonLinesEventLog.open(tmp.resolve("events.jsonl"), new ObjectMapper(), new SimpleMeterRegistry());
    }

    @AfterEach
    void close() {
        eventLog.close();
        tracker.close();
        state.close();
        store.close();
    }

    private Recommender recommender(PipelineSettings settings) {
        return new Recommender(() -> state, settings, List.of(), eventLog, new SimpleMeterRegistry());
    }

    @Test
    void whileNothingTrendsTheChannelIsIdleAndChangesNoRecommendation() {
        assertThat(tracker.refresh(state.data().catalog()).isEmpty()).isTrue();
        Recommender with = recommender(WITH);
        Recommender without = recommender(WITHOUT);

        for (int user = 1; user <= TinyMovieLens.USERS; user++) {
            RecommendRequest request = RecommendRequest.of(user, 10);
            Recommender.Trace a = with.trace(request, 0);
            Recommender.Trace b = without.trace(request, 0);
            // The trending share goes back to the other channels: the very same candidates, scores and list.
            assertThat(a.merged()).as("user %d", user).isEqualTo(b.merged());
            assertThat(a.items()).as("user %d", user).isEqualTo(b.items());
            assertThat(with.recommend(request).emptyChannels()).contains(TrendingRetriever.NAME);
        }
    }

    @Test
    void itemsTheStreamJobMarkedTrendingAreRecalledOnceRefreshedUnlessSeen() {
        int user = 1;
        List<Integer> seen = Arrays.stream(
                        state.data().ratings().user(user).orElseThrow().items())
                .boxed()
                .toList();
        List<Integer> unseen = IntStream.rangeClosed(1, TinyMovieLens.MOVIES)
                .boxed()
                .filter(id -> !seen.contains(id))
                .toList();
        int hot = unseen.get(0);
        int warm = unseen.get(1);
        int cold = unseen.get(2);
        int stale = unseen.get(3);
        int seenButHot = seen.get(0);
        store.update(
                EntityKind.ITEM,
                Map.of(
                        hot, trend(12, NOW),
                        warm, trend(4, NOW - 60_000),
                        cold, trend(0, NOW),
                        stale, trend(30, NOW - Duration.ofHours(2).toMillis()),
                        seenButHot, trend(40, NOW)));
        Recommender with = recommender(WITH);
        assertThat(with.trace(RecommendRequest.of(user, 10), 50).channels().get(TrendingRetriever.NAME))
                .as("before the refresh")
                .isEmpty();

        Trending trending = tracker.refresh(state.data().catalog());

        assertThat(trending.items()).extracting(Trending.Entry::itemId).containsExactly(seenButHot, hot, warm);
        Recommender.Trace trace = with.trace(RecommendRequest.of(user, 10), 50);
        assertThat(trace.channels().get(TrendingRetriever.NAME))
                .extracting(Candidate::itemId)
                .containsExactly(hot, warm);
        assertThat(trace.merged()).extracting(Candidate::itemId).contains(hot, warm);
        assertThat(with.recommend(RecommendRequest.of(user, 10)).emptyChannels())
                .doesNotContain(TrendingRetriever.NAME);
    }

    private static Features trend(double count, long streamTime) {
        return Features.builder()
                .number(FeatureSchema.TRENDING_COUNT, count)
                .number(FeatureSchema.STREAM_TIME, streamTime)
                .build();
    }
}
