package dev.wren.serving.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.serving.ServingConfig;
import dev.wren.serving.events.RealtimeUpdater;
import dev.wren.serving.events.RecentEvents;
import dev.wren.serving.pipeline.Recommender;
import dev.wren.serving.pipeline.StateHolder;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** What the route handlers use; built once by the server. */
public record Services(
        ServingConfig config,
        StateHolder state,
        Recommender recommender,
        RealtimeUpdater updater,
        RecentEvents recent,
        PrometheusMeterRegistry metrics,
        ObjectMapper json) {}
