/**
 * The HTTP API under {@code /api/v1} (Javalin), the Prometheus endpoint, posters and the static web UI. Typed
 * exceptions become JSON errors in one place, {@link dev.wren.serving.http.ErrorMapping}.
 */
package dev.wren.serving.http;
