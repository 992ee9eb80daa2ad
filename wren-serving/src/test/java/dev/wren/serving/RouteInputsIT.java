package dev.wren.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.serving.http.HttpApi;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated client mistakes against every route the server's router lists (so a new route is covered without editing
 * this test): random and hostile path parameters, query parameters and JSON bodies (out-of-range numbers, wrong types,
 * missing fields, deep nesting, a 10 MB body). No answer may be a 5xx, and every 4xx must be the JSON error body. The
 * server has a trained DeepFM, so the predict route validates bodies rather than answering "no model". Seeded.
 */
class RouteInputsIT {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final ObjectMapper json = new ObjectMapper();
    private static final HttpClient http = HttpClient.newHttpClient();

    private static Path tmp;
    private static WrenServer server;
    private static List<HttpApi.Route> routes;

    @BeforeContainer
    static void start() throws Exception {
        tmp = Files.createTempDirectory("wren-route-inputs");
        Path data = TinyMovieLens.write(tmp.resolve("ml"), 7);
        server = WrenServer.start(ServingConfig.of(data, tmp.resolve("events.jsonl"))
                .withPort(0)
                .withModels(TinyModels.trained().resolve("models"), TinyModels.offline()));
        routes = server.routes();
    }

    @AfterContainer
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Example
    void theRouterListsTheApi() {
        // Guards the generator: if the router listing came back empty the properties below would test nothing.
        assertThat(routes)
                .contains(
                        new HttpApi.Route("POST", "/api/v1/events"),
                        new HttpApi.Route("POST", "/v1/models/{spec}"),
                        new HttpApi.Route("GET", "/api/v1/users/{id}/recommendations"));
    }

    @Property(tries = 400, seed = "20261206")
    void generatedRequestsNeverGetA5xxAndEveryErrorIsJson(@ForAll("requests") Call call) throws Exception {
        check(call);
    }

    @Example
    void aTenMegabyteBodyIsRefusedWithAJsonErrorOnEveryPostRouteBeforeItIsSent() throws Exception {
        for (HttpApi.Route route : routes) {
            if (route.method().equals("POST")) {
                String answer = answerToHead("POST", fill(route.path(), "1"), 10 * 1024 * 1024);
                assertThat(answer).as(route.toString()).startsWith("HTTP/1.1 413 ");
                assertThat(answer).as(route.toString()).doesNotContain("100 Continue");
                String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
                assertThat(body).as(route.toString()).contains("\"too_large\"").contains("at most 65536");
            }
        }
    }

    /**
     * Sends the head of a request whose body is {@code length} bytes, asking to continue (as curl does for bodies over
     * 1 MB), and returns everything the server answers. The body is never sent: a server that closes on a refusal while
     * a client still writes may reset the connection before the client reads the answer, and the JDK's client of Java
     * 17 hangs when the answer to "Expect: 100-continue" is not 100.
     */
    private static String answerToHead(String method, String pathAndQuery, long length) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            String head = method + " " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + length + "\r\n"
                    + "Expect: 100-continue\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Example
    void outOfRangeNumbersAndFractionalIdsAre400sNamingTheField() throws Exception {
        for (String value : List.of("1e400", "-1", "9223372036854775808", "1.7", "\"x\"", "null", "[]")) {
            String event = "{\"userId\":" + value + ",\"movieId\":1,\"type\":\"rating\",\"value\":4}";
            HttpResponse<String> r = check(new Call("POST", "/api/v1/events", event));
            assertThat(r.statusCode()).as(event).isEqualTo(400);
            assertThat(error(r).path("message").asText()).contains("userId");
            String predict = "{\"instances\":[{\"userId\":5,\"movieId\":" + value + "}]}";
            r = check(new Call("POST", "/v1/models/deepfm:predict", predict));
            assertThat(r.statusCode()).as(predict).isEqualTo(400);
            assertThat(error(r).path("message").asText()).contains("instances[0].movieId");
        }
        for (String value : List.of("1e400", "-1e400", "1e-400", "0", "5.5")) {
            String event = "{\"userId\":1,\"movieId\":1,\"type\":\"rating\",\"value\":" + value + "}";
            HttpResponse<String> r = check(new Call("POST", "/api/v1/events", event));
            assertThat(r.statusCode()).as(event).isEqualTo(400);
            assertThat(error(r).path("message").asText()).contains("value");
        }
    }

    @Example
    void predictRefusesUnknownUsersAndMoviesWith404() throws Exception {
        HttpResponse<String> r = check(
                new Call("POST", "/v1/models/deepfm:predict", "{\"instances\":[{\"userId\":999999,\"movieId\":1}]}"));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(error(r).path("message").asText()).contains("no user with id 999999");
        r = check(
                new Call("POST", "/v1/models/deepfm:predict", "{\"instances\":[{\"userId\":5,\"movieId\":88888888}]}"));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(error(r).path("message").asText()).contains("no movie with id 88888888");
    }

    /** One request: a method, a path with its query, and a body (empty for none). */
    record Call(String method, String pathAndQuery, String body) {}

    @Provide
    Arbitrary<Call> requests() {
        Arbitrary<HttpApi.Route> route = Arbitraries.of(routes);
        Arbitrary<String> param = Arbitraries.oneOf(
                Arbitraries.of(
                        "1",
                        "7",
                        "0",
                        "-1",
                        "1.7",
                        "1e400",
                        "9223372036854775808",
                        "2147483648",
                        "abc",
                        "%00",
                        "%20",
                        "deepfm:predict",
                        "default:predict",
                        "deepfm:classify",
                        ":predict"),
                Arbitraries.strings().ofMaxLength(300).map(RouteInputsIT::encode));
        Arbitrary<String> query = Arbitraries.maps(
                        Arbitraries.of("size", "limit", "offset", "q", "genre", "sort", "id", "x"),
                        Arbitraries.oneOf(
                                Arbitraries.of("1", "-1", "0", "101", "1e400", "9223372036854775808", "abc", "", "%"),
                                Arbitraries.strings().ofMaxLength(500)))
                .ofMaxSize(4)
                .map(RouteInputsIT::queryString);
        Arbitrary<String> body = Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.strings().ofMaxLength(200),
                jsonValues(3).map(RouteInputsIT::write),
                eventLike().map(RouteInputsIT::write),
                Arbitraries.of("{", "[", "{\"instances\":", "nul", "{\"a\":1}}", "\"\\ud800\""));
        return Combinators.combine(route, param, query, body)
                .as((r, p, q, b) -> new Call(r.method(), fill(r.path(), p) + q, b));
    }

    /** Bodies shaped like the real ones, with each field possibly missing, of the wrong type or out of range. */
    private static Arbitrary<Object> eventLike() {
        Arbitrary<Object> field = Arbitraries.oneOf(hostileNumbers(), jsonValues(1));
        Arbitrary<Map<String, Object>> event = Arbitraries.maps(
                        Arbitraries.of("userId", "movieId", "itemId", "type", "value", "timestamp"), field)
                .ofMaxSize(6);
        return Arbitraries.oneOf(
                event.map(m -> (Object) m), event.list().ofMaxSize(5).map(list -> (Object) Map.of("instances", list)));
    }

    private static Arbitrary<Object> hostileNumbers() {
        return Arbitraries.of(
                new RawNumber("1e400"),
                new RawNumber("-1e400"),
                new RawNumber("1e-400"),
                new RawNumber("-1"),
                new RawNumber("9223372036854775808"),
                new RawNumber("2147483648"),
                new RawNumber("1.7"),
                new RawNumber("0"),
                new RawNumber("7"),
                new RawNumber("4.5"),
                "rating",
                "click",
                "7");
    }

    private static Arbitrary<Object> jsonValues(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.strings().ofMaxLength(30).map(s -> (Object) s),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(new RawNumber("null")));
        if (depth == 0) {
            return leaf;
        }
        return Arbitraries.oneOf(
                leaf,
                jsonValues(depth - 1).list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(8), jsonValues(depth - 1))
                        .ofMaxSize(4)
                        .map(m -> (Object) m));
    }

    /** JSON text written as is, so that numbers Java cannot hold (1e400, 2^63) reach the server. */
    private record RawNumber(String text) {}

    @SuppressWarnings("unchecked")
    private static String write(Object value) {
        if (value instanceof RawNumber raw) {
            return raw.text();
        }
        if (value instanceof Map<?, ?> map) {
            List<String> fields = new ArrayList<>();
            map.forEach((k, v) -> fields.add(quote((String) k) + ":" + write(v)));
            return "{" + String.join(",", fields) + "}";
        }
        if (value instanceof List<?> list) {
            return "["
                    + String.join(
                            ",",
                            ((List<Object>) list)
                                    .stream().map(RouteInputsIT::write).toList()) + "]";
        }
        if (value instanceof Double d && !Double.isFinite(d)) {
            return "1e400";
        }
        return value instanceof String s ? quote(s) : String.valueOf(value);
    }

    private static String quote(String s) {
        try {
            return json.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String queryString(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        params.forEach((k, v) -> pairs.add(k + "=" + encode(v)));
        return "?" + String.join("&", pairs);
    }

    private static String fill(String path, String value) {
        Matcher m = PATH_PARAM.matcher(path);
        return m.replaceAll(Matcher.quoteReplacement(value));
    }

    /** Sends the call and checks the invariant: never a 5xx, and a JSON error body for every 4xx. */
    private static HttpResponse<String> check(Call call) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + call.pathAndQuery()))
                .header("Content-Type", "application/json");
        request = call.method().equals("GET")
                ? request.GET()
                : request.method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
        HttpResponse<String> r;
        try {
            r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException first) {
            // A server may close a kept-alive connection after an error answer (a 413 for a body it will not read);
            // a request the pool sent on such a connection gets no bytes. Once more on a new connection, where no
            // answer at all is a real failure.
            try {
                r = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new AssertionError(
                        "no answer to " + call.method() + " " + Params.abbreviate(call.pathAndQuery()) + " ("
                                + call.pathAndQuery().length() + " chars) body " + Params.abbreviate(call.body()),
                        e);
            }
        }
        String what = call.method() + " " + Params.abbreviate(call.pathAndQuery()) + " body "
                + Params.abbreviate(call.body()) + " -> " + r.statusCode() + " " + Params.abbreviate(r.body());
        assertThat(r.statusCode()).as(what).isLessThan(500);
        if (r.statusCode() >= 400) {
            JsonNode body = error(r);
            assertThat(body.path("status").asInt()).as(what).isEqualTo(r.statusCode());
            assertThat(body.path("message").asText()).as(what).isNotBlank();
        }
        return r;
    }

    private static JsonNode error(HttpResponse<String> r) throws Exception {
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
                .as(r.body())
                .contains("application/json");
        return json.readTree(r.body()).path("error");
    }

    /** Test-side abbreviation for assertion messages. */
    private static final class Params {
        static String abbreviate(String s) {
            return s.length() <= 200 ? s : s.substring(0, 200) + "...(" + s.length() + " chars)";
        }
    }
}
