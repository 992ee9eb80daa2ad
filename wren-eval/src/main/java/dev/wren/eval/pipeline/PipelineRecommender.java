package dev.wren.eval.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.ScoredItem;
import dev.wren.core.store.FeatureStore;
import dev.wren.eval.baseline.TopKRecommender;
import dev.wren.serving.PipelineSettings;
import dev.wren.serving.events.EventLog;
import dev.wren.serving.events.JsonLinesEventLog;
import dev.wren.serving.events.RecentEvents;
import dev.wren.serving.pipeline.Recommender;
import dev.wren.serving.pipeline.ServingState;
import dev.wren.serving.pipeline.StageFactories;
import dev.wren.serving.pipeline.StateLoader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The serving pipeline over a {@link PipelineFit}: a serving state loaded as `wren serve` loads it, and recommendations
 * through {@link Recommender}, the HTTP endpoint's own code. Thread-safe; {@link #close} releases the models.
 */
public final class PipelineRecommender implements TopKRecommender, AutoCloseable {
    private final String name;
    private final ServingState state;
    private final EventLog eventLog;
    private final Recommender recommender;
    private final PipelineSettings settings;

    private PipelineRecommender(
            String name, ServingState state, EventLog eventLog, Recommender recommender, PipelineSettings settings) {
        this.name = name;
        this.state = state;
        this.eventLog = eventLog;
        this.recommender = recommender;
        this.settings = settings;
    }

    static PipelineRecommender load(
            String name,
            Path data,
            Path offline,
            Path models,
            FeatureStore store,
            PipelineSettings settings,
            int dimension,
            Path work) {
        StateLoader loader = new StateLoader(
                store,
                new RecentEvents(),
                settings,
                List.of(),
                StageFactories.builtIn(),
                dimension,
                Optional.of(models),
                Optional.of(offline),
                1);
        ServingState state = loader.load(data, name, Set.of());
        try {
            SimpleMeterRegistry metrics = new SimpleMeterRegistry();
            EventLog eventLog =
                    JsonLinesEventLog.open(work.resolve("exposures-" + name + ".jsonl"), new ObjectMapper(), metrics);
            Recommender recommender = new Recommender(() -> state, settings, List.of(), eventLog, metrics);
            return new PipelineRecommender(name, state, eventLog, recommender, settings);
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] recommend(int userId, int k) {
        return ids(trace(userId, k, 0).items());
    }

    /**
     * The user's path through the pipeline, each channel alone asked for {@code channelDepth} candidates (none for 0).
     */
    public Recommender.Trace trace(int userId, int k, int channelDepth) {
        return recommender.trace(RecommendRequest.of(userId, k), channelDepth);
    }

    /** The serving state, for its data and models. */
    public ServingState state() {
        return state;
    }

    public PipelineSettings settings() {
        return settings;
    }

    public static int[] ids(List<ScoredItem> items) {
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = items.get(i).itemId();
        }
        return out;
    }

    @Override
    public void close() {
        state.close();
        eventLog.close();
    }
}
