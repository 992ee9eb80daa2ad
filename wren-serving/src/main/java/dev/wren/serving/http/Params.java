package dev.wren.serving.http;

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

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
