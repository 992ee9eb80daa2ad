package dev.wren.serving.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.wren.core.store.EntityKind;
import dev.wren.core.store.Features;
import dev.wren.model.serve.ItemFeatures;
import dev.wren.model.serve.UserFeatures;
import dev.wren.serving.errors.BadRequestException;
import dev.wren.serving.errors.NotFoundException;
import dev.wren.serving.models.ServingModels;
import dev.wren.serving.pipeline.ServingState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TensorFlow-Serving-compatible predict endpoint, {@code POST /v1/models/{name}:predict} with
 * {@code {"instances": [...]}}, answering {@code {"predictions": [[p], ...]}} in the instances' order, so that clients
 * written for TF Serving (the seed's among them) work against Wren unchanged.
 *
 * <p>Each instance names a {@code userId} and a {@code movieId} (or {@code itemId}); Wren scores the pair with the
 * served ranking bundle on its own features for them (the feature store's rows, encoded as in training), so any other
 * fields a TF-Serving client sends are accepted and ignored. {@code name} is the bundle's model name (for example
 * {@code deepfm}), or {@code default} for whichever ranking bundle is served. All instances of one user are scored in
 * one batched call.
 */
final class PredictRoutes {
    /** Instances per request: a bound, so that one request cannot occupy the scorer for long. */
    static final int MAX_INSTANCES = 1_000;

    private static final String ACTION = ":predict";

    private final Services services;

    PredictRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.post("/v1/models/{spec}", this::predict);
    }

    private void predict(Context ctx) {
        String spec = ctx.pathParam("spec");
        if (!spec.endsWith(ACTION)) {
            throw new NotFoundException(
                    "unknown model action '" + Params.abbreviate(spec) + "'; use POST /v1/models/{name}:predict");
        }
        String name = spec.substring(0, spec.length() - ACTION.length());
        ServingState state = services.state().current();
        ServingModels.Encoded model = state.data()
                .models()
                .ranker()
                .filter(m -> name.equals("default") || m.bundle().name().equals(name))
                .orElseThrow(() -> new NotFoundException("no ranking model '" + Params.abbreviate(name)
                        + "' is served; served: " + state.data().models().labels()));
        List<int[]> pairs = instances(ctx);
        known(state, pairs);
        float[] predictions = score(state, model, pairs);
        List<List<Float>> out = new ArrayList<>(predictions.length);
        for (float p : predictions) {
            out.add(List.of(p));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("predictions", out);
        body.put("model", model.bundle().label());
        ctx.json(body);
    }

    /**
     * Refuses ids the server knows nothing about: the model would score them from empty features as if they existed,
     * which a client cannot tell from a real prediction.
     */
    private static void known(ServingState state, List<int[]> pairs) {
        for (int i = 0; i < pairs.size(); i++) {
            int[] pair = pairs.get(i);
            if (!state.data().users().known(pair[0])) {
                throw new NotFoundException("instances[" + i + "]: no user with id " + pair[0]);
            }
            if (!state.data().catalog().contains(pair[1])) {
                throw new NotFoundException("instances[" + i + "]: no movie with id " + pair[1]);
            }
        }
    }

    /** Scores each (user, item) pair, batching the pairs of each user into one scorer call. */
    private static float[] score(ServingState state, ServingModels.Encoded model, List<int[]> pairs) {
        Map<Integer, List<Integer>> byUser = new LinkedHashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            byUser.computeIfAbsent(pairs.get(i)[0], u -> new ArrayList<>()).add(i);
        }
        float[] predictions = new float[pairs.size()];
        Map<Integer, UserFeatures> users = new HashMap<>();
        for (Map.Entry<Integer, List<Integer>> e : byUser.entrySet()) {
            int userId = e.getKey();
            Features row = state.data().store().get(EntityKind.USER, userId).orElse(Features.empty());
            UserFeatures user =
                    users.computeIfAbsent(userId, u -> model.bundle().encoder().user(u, row));
            List<ItemFeatures> items = new ArrayList<>(e.getValue().size());
            for (int i : e.getValue()) {
                items.add(model.item(pairs.get(i)[1]));
            }
            float[] scores = model.bundle().scorer().score(user, items);
            for (int k = 0; k < scores.length; k++) {
                predictions[e.getValue().get(k)] = scores[k];
            }
        }
        return predictions;
    }

    private List<int[]> instances(Context ctx) {
        JsonNode body;
        try {
            body = services.json().readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw new BadRequestException("the body is not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode instances = body == null ? null : body.get("instances");
        if (instances == null || !instances.isArray() || instances.isEmpty()) {
            throw new BadRequestException("the body must be {\"instances\": [...]} with at least one instance");
        }
        if (instances.size() > MAX_INSTANCES) {
            throw new BadRequestException(
                    "at most " + MAX_INSTANCES + " instances per request, got " + instances.size());
        }
        List<int[]> pairs = new ArrayList<>(instances.size());
        for (int i = 0; i < instances.size(); i++) {
            JsonNode instance = instances.get(i);
            if (!instance.isObject()) {
                throw new BadRequestException("instances[" + i + "] must be an object with userId and movieId");
            }
            int user = id(instance, i, "userId");
            int item = instance.has("itemId") ? id(instance, i, "itemId") : id(instance, i, "movieId");
            pairs.add(new int[] {user, item});
        }
        return pairs;
    }

    private static int id(JsonNode instance, int index, String field) {
        JsonNode v = instance.get(field);
        // TF-Serving clients often send ids as strings; only plain digits are taken, so "1.7" is refused as 1.7 is.
        if (v != null && v.isTextual() && v.asText().matches("\\d{1,9}")) {
            return Integer.parseInt(v.asText());
        }
        return Params.jsonId("instances[" + index + "]." + field, v);
    }
}
