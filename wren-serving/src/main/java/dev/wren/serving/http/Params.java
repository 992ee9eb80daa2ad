package dev.wren.serving.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wren.serving.errors.BadRequestException;
import io.javalin.http.Context;
import java.util.Optional;

/** Reads and bounds path and query parameters; anything malformed is a {@link BadRequestException}. */
final class Params {
    private Params() {}

    static int pathInt(Context ctx, String name) {
        return parse(name, ctx.pathParam(name), 0, Integer.MAX_VALUE);
    }

    static int queryInt(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        return parse(name, raw, min, max);
    }

    static Optional<String> queryText(Context ctx, String name, int maxLength) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        if (raw.length() > maxLength) {
            throw new BadRequestException(name + " must be at most " + maxLength + " characters");
        }
        return Optional.of(raw.strip());
    }

    static int parse(String name, String raw, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be an integer, got '" + abbreviate(raw) + "'");
        }
        if (value < min || value > max) {
            throw new BadRequestException(name + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /**
     * An id from a JSON body: a non-negative integer that fits in an int, never a fraction (Jackson would truncate 1.7 to
     * 1) and never a wrapped-around 2^63.
     */
    static int jsonId(String field, JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            throw new BadRequestException("'" + field + "' is required: a non-negative integer id");
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
            throw new BadRequestException("'" + field + "' must be a non-negative integer id (at most "
                    + Integer.MAX_VALUE + "), got " + abbreviate(v.toString()));
        }
        return v.asInt();
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
