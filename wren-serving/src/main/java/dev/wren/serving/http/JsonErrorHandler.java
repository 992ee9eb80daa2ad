package dev.wren.serving.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error responses (a request it refuses before Javalin sees it, such as a path with {@code %00}) in the
 * API's JSON error shape instead of Jetty's HTML page, whatever the client accepts. Thread-safe: no state.
 */
final class JsonErrorHandler extends ErrorHandler {
    private final ObjectMapper json;

    JsonErrorHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean generateAcceptableResponse(
            Request request,
            Response response,
            Callback callback,
            String contentType,
            List<Charset> charsets,
            int code,
            String message,
            Throwable cause)
            throws IOException {
        return super.generateAcceptableResponse(
                request, response, callback, "application/json", charsets, code, message, cause);
    }

    @Override
    protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
        String text = message == null || message.isBlank() ? "the request was refused" : message;
        try {
            writer.write(json.writeValueAsString(
                    Map.of("error", Map.of("status", code, "code", ErrorMapping.code(code), "message", text))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
