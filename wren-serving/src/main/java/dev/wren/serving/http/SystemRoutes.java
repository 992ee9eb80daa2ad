package dev.wren.serving.http;

import dev.wren.serving.errors.ConflictException;
import dev.wren.serving.pipeline.Recommender;
import dev.wren.serving.pipeline.ServingState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/** Health, readiness, metrics, the dashboard's statistics, the OpenAPI description and state reloads. */
final class SystemRoutes {
    private final Services services;
    private final String openApi;

    SystemRoutes(Services services) {
        this.services = services;
        try (InputStream in = SystemRoutes.class.getResourceAsStream("/openapi.json")) {
            this.openApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/health", ctx -> ctx.json(Map.of("status", "UP")));
        routes.get("/api/v1/ready", this::ready);
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(services.metrics().scrape()));
        routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json")
                .result(openApi));
        routes.get("/api/v1/stats", this::stats);
        routes.post("/api/v1/admin/reload", this::reload);
    }

    private void ready(Context ctx) {
        ServingState s = services.state().current();
        boolean storeLive = s.data().store().liveVersion().isPresent();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ready", storeLive);
        out.put("state", s.version());
        out.put("loadedAt", s.loadedAt().toString());
        out.put("storeVersion", s.data().store().liveVersion().orElse(""));
        out.put("models", s.data().models().labels());
        ctx.status(storeLive ? 200 : 503).json(out);
    }

    private void stats(Context ctx) {
        ServingState s = services.state().current();
        Map<String, Object> stages = new LinkedHashMap<>();
        for (Timer t : services.metrics().find(Recommender.STAGE_TIMER).timers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", t.count());
            m.put("meanMs", round(t.mean(TimeUnit.MILLISECONDS)));
            for (ValueAtPercentile p : t.takeSnapshot().percentileValues()) {
                m.put("p" + Math.round(p.percentile() * 100) + "Ms", round(p.value(TimeUnit.MILLISECONDS)));
            }
            stages.put(t.getId().getTag("stage"), m);
        }
        Map<String, Object> channels = new LinkedHashMap<>();
        for (Timer t : services.metrics().find(Recommender.CHANNEL_TIMER).timers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", t.count());
            m.put("meanMs", round(t.mean(TimeUnit.MILLISECONDS)));
            for (ValueAtPercentile p : t.takeSnapshot().percentileValues()) {
                m.put("p" + Math.round(p.percentile() * 100) + "Ms", round(p.value(TimeUnit.MILLISECONDS)));
            }
            channels.put(t.getId().getTag("channel"), m);
        }
        Map<String, Object> exposures = new LinkedHashMap<>();
        for (Counter c : services.metrics().find(Recommender.EXPOSURES).counters()) {
            exposures.put(c.getId().getTag("variant"), (long) c.count());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", s.version());
        out.put("loadedAt", s.loadedAt().toString());
        out.put("items", s.data().catalog().size());
        out.put("users", s.data().ratings().users().size());
        out.put("ratings", s.data().ratings().ratingCount());
        out.put("itemVectors", s.data().itemIndex().size());
        out.put("models", s.data().models().labels());
        out.put("stages", stages);
        out.put("channels", channels);
        out.put("exposures", exposures);
        ctx.json(out);
    }

    private void reload(Context ctx) {
        try {
            ServingState next =
                    services.state().reload(services.config().dataDir()).join();
            ctx.json(Map.of("state", next.version(), "loadedAt", next.loadedAt().toString()));
        } catch (CompletionException e) {
            throw new ConflictException(
                    "the new state was refused, " + services.state().current().version() + " keeps serving: "
                            + e.getCause().getMessage());
        }
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
