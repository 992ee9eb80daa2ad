package dev.wren.serving.http;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;

/** Builds the Javalin application: JSON mapping, error mapping, routes and the static web UI. */
public final class HttpApi {
    private HttpApi() {}

    /** The application, not yet started. */
    public static Javalin create(Services services) {
        MovieRoutes movies = new MovieRoutes(services);
        UserRoutes users = new UserRoutes(services);
        SystemRoutes system = new SystemRoutes(services);
        PredictRoutes predict = new PredictRoutes(services);
        DashboardRoutes dashboard = new DashboardRoutes(services);
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(services.json(), false));
            config.http.maxRequestSize = 64 * 1024;
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
            RequestMetrics.register(config.routes, services.metrics());
            movies.register(config.routes);
            users.register(config.routes);
            system.register(config.routes);
            predict.register(config.routes);
            dashboard.register(config.routes);
        });
    }
}
