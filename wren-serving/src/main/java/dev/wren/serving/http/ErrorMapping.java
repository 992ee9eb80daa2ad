package dev.wren.serving.http;

import dev.wren.core.store.FeatureStoreException;
import dev.wren.serving.errors.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP statuses: typed {@link ApiException}s and Javalin's own responses (an
 * unknown route, a too-large body) keep their status with a JSON body saying what was wrong; anything else is a bug, a
 * logged 500 whose body gives nothing away.
 */
final class ErrorMapping {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {}

    static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> write(ctx, e.status(), e.code(), e.getMessage()));
        routes.exception(
                HttpResponseException.class,
                (e, ctx) -> write(ctx, e.getStatus(), code(e.getStatus()), e.getMessage()));
        // An unavailable backend is the server's problem, not the client's, but it is not a bug either.
        routes.exception(FeatureStoreException.class, (e, ctx) -> {
            log.warn("Feature store failure on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            write(ctx, 503, "unavailable", "the feature store is unavailable; try again");
        });
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, "internal", "internal error; see the server log");
        });
    }

    static void write(Context ctx, int status, String code, String message) {
        ctx.status(status).json(Map.of("error", Map.of("status", status, "code", code, "message", message)));
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            default -> status >= 500 ? "server_error" : "client_error";
        };
    }
}
