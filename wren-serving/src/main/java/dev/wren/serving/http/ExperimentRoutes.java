package dev.wren.serving.http;

import dev.wren.serving.ab.DuelingBandit;
import dev.wren.serving.ab.Experiment;
import dev.wren.serving.ab.ExperimentTally;
import dev.wren.serving.ab.Variant;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The experiments page's data: each running experiment, its variants as configured, their lists, items and clicks since
 * start-up, a dueling bandit's current weights, and the {@code wren ab report} command that analyses the log. The
 * analysis itself is wren-eval's, which depends on this module and so cannot be called from it.
 */
final class ExperimentRoutes {
    private final Services services;

    ExperimentRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/experiments", this::experiments);
    }

    private void experiments(Context ctx) {
        ExperimentTally tally = services.recommender().tally();
        Map<String, DuelingBandit> duels = services.recommender().duels();
        List<Object> out = new ArrayList<>();
        for (Experiment e : services.recommender().experiments()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", e.name());
            x.put("type", e.type().label());
            List<Object> variants = new ArrayList<>();
            List<String> names = e.type() == Experiment.Type.AB
                    ? e.variants().stream().map(Variant::name).toList()
                    : List.of(Experiment.INTERLEAVED);
            for (String name : names) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("name", name);
                e.variants().stream()
                        .filter(c -> c.name().equals(name))
                        .findFirst()
                        .ifPresent(c -> {
                            v.put("share", c.share());
                            c.ranker().ifPresent(r -> v.put("ranker", r));
                            c.reranker().ifPresent(r -> v.put("reranker", r));
                            c.channels().ifPresent(ch -> v.put("channels", ch));
                            c.exploration().ifPresent(p -> {
                                var node = services.json().valueToTree(p);
                                ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("policy", p.policy());
                                v.put("exploration", node);
                            });
                        });
                ExperimentTally.Counts counts = tally.counts(e.name(), name);
                v.put("lists", counts.lists());
                v.put("items", counts.items());
                v.put("clicks", counts.clicks());
                v.put("ctr", counts.ctr());
                variants.add(v);
            }
            x.put("variants", variants);
            if (e.type() == Experiment.Type.INTERLEAVING) {
                x.put(
                        "teams",
                        Map.of(
                                "A",
                                e.variants().get(0).name(),
                                "B",
                                e.variants().get(1).name()));
            }
            if (duels.containsKey(e.name())) {
                DuelingBandit d = duels.get(e.name());
                x.put(
                        "duel",
                        Map.of(
                                "weights",
                                d.weights(),
                                "updates",
                                d.updates(),
                                "of",
                                List.of("recall", "rating", "popularity")));
            }
            x.put("report", "wren ab report --events " + services.config().eventLog() + " --experiment " + e.name());
            out.add(x);
        }
        ctx.json(Map.of("experiments", out));
    }
}
