package dev.wren.serving.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wren.model.report.ComparisonReport;
import dev.wren.model.report.ModelResult;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the dashboard charts besides the live metrics of {@code /api/v1/stats}: the offline pipeline's monitoring
 * statistics and embedding evaluation (from the offline folder), and the trained models' test metrics and training
 * curves (from the models folder). Read on each request: the files are small and change when a new run lands.
 */
final class DashboardRoutes {
    private static final Logger log = LoggerFactory.getLogger(DashboardRoutes.class);

    private final Services services;

    DashboardRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/dashboard", this::dashboard);
    }

    private void dashboard(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<Path> offline = services.config().offline();
        out.put(
                "offline",
                offline.flatMap(dir -> json(dir.resolve("stats/stats.json"))).orElse(null));
        out.put(
                "embeddings",
                offline.flatMap(dir -> json(dir.resolve("embeddings/evaluation.json")))
                        .orElse(null));
        out.put(
                "models",
                services.config().models().map(DashboardRoutes::models).orElse(List.of()));
        ctx.json(out);
    }

    private Optional<JsonNode> json(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(services.json().readTree(file.toFile()));
        } catch (IOException e) {
            log.warn("dashboard: cannot read {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private static List<ModelResult> models(Path dir) {
        try {
            return ComparisonReport.collect(dir);
        } catch (IllegalArgumentException e) {
            // No evaluated bundle yet: the dashboard shows no model section, which is the truth.
            return List.of();
        }
    }
}
