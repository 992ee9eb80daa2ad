package dev.wren.serving.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Times every matched API request into {@code wren.http.requests}, tagged by method, route template (so that ids do
 * not explode the series) and status.
 */
final class RequestMetrics {
    private static final String START = "wren.requestStart";

    private RequestMetrics() {}

    static void register(RoutesConfig routes, MeterRegistry metrics) {
        routes.beforeMatched(ctx -> ctx.attribute(START, System.nanoTime()));
        routes.afterMatched(ctx -> record(ctx, metrics));
    }

    private static void record(Context ctx, MeterRegistry metrics) {
        Long start = ctx.attribute(START);
        io.javalin.router.Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        if (start == null || matched == null) {
            return;
        }
        Timer.builder("wren.http.requests")
                .description("HTTP request latency by route")
                .tag("method", ctx.method().name())
                .tag("route", matched.path)
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram()
                .register(metrics)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
}
