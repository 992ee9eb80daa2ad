package dev.wren.serving.http;

import dev.wren.serving.errors.UnauthorizedException;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Guards {@code /api/v1/admin/*}: with a token configured, a request must carry {@code Authorization: Bearer <token>};
 * without one, the server listens on loopback only (the server refuses to start otherwise), so only local processes
 * reach the admin routes. Thread-safe: immutable.
 */
final class AdminAuth {
    static final String PATH = "/api/v1/admin/*";
    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> token;

    AdminAuth(Optional<String> token) {
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    void check(Context ctx) {
        if (token.isEmpty()) {
            return;
        }
        ctx.header(Header.WWW_AUTHENTICATE, "Bearer realm=\"wren-admin\"");
        String header = ctx.header(Header.AUTHORIZATION);
        if (header == null || !header.startsWith(BEARER)) {
            throw new UnauthorizedException(
                    "admin routes need the header 'Authorization: Bearer <token>' (wren serve --admin-token)");
        }
        byte[] given = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        // Constant time, so the response time does not tell how much of a guess was right.
        if (!MessageDigest.isEqual(given, token.get())) {
            throw new UnauthorizedException("the admin token is wrong");
        }
    }
}
