package dev.wren.serving.http;

import io.javalin.Javalin;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Set;

/** Builds the Javalin application: JSON mapping, error mapping, routes and the static web UI. */
public final class HttpApi {
    /** The largest request body accepted, in bytes: the API's bodies are small JSON objects. */
    static final int MAX_BODY = 64 * 1024;

    private static final Set<HandlerType> METHODS =
            Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private HttpApi() {}

    /** One route of the API, as registered: {@code GET /api/v1/movies/{id}}. */
    public record Route(String method, String path) {}

    /** The routes an application answers, read from its router (filters and static files left out). */
    public static List<Route> routes(Javalin app) {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(e -> METHODS.contains(e.endpoint.method))
                .map(e -> new Route(e.endpoint.method.name(), e.endpoint.path))
                .distinct()
                .toList();
    }

    /** The application, not yet started. */
    public static Javalin create(Services services) {
        MovieRoutes movies = new MovieRoutes(services);
        UserRoutes users = new UserRoutes(services);
        SystemRoutes system = new SystemRoutes(services);
        PredictRoutes predict = new PredictRoutes(services);
        DashboardRoutes dashboard = new DashboardRoutes(services);
        AdminAuth admin = new AdminAuth(services.config().adminToken());
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(services.json(), false));
            config.http.maxRequestSize = MAX_BODY;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler(services.json())));
            // Javalin copies each response through a buffer of this size, allocated per request; its default, Jetty's
            // 32 KB output buffer, was 6 % of all bytes allocated under load. JSON responses are mostly under 8 KB.
            config.http.responseBufferSize = 8 * 1024;
            config.startup.showJavalinBanner = false;
            // The web UI: classpath resources under /web; Jetty's resource handler refuses paths that leave it.
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            });
            // Chart.js for the dashboard, from its WebJar on the classpath (/webjars/chart.js/<version>/...).
            config.staticFiles.enableWebjars();
            ErrorMapping.register(config.routes);
            // Javalin bounds a body only when a route reads it; this refuses an oversized one on every route, read
            // or not, before any work is done for it.
            config.routes.before(ctx -> {
                if (ctx.contentLength() > MAX_BODY) {
                    throw new ContentTooLargeResponse(
                            "the body is " + ctx.contentLength() + " bytes; at most " + MAX_BODY + " are accepted");
                }
            });
            RequestMetrics.register(config.routes, services.metrics());
            config.routes.before(AdminAuth.PATH, admin::check);
            movies.register(config.routes);
            users.register(config.routes);
            system.register(config.routes);
            predict.register(config.routes);
            dashboard.register(config.routes);
            new ExperimentRoutes(services).register(config.routes);
        });
    }
}
