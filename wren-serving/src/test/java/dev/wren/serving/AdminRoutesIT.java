package dev.wren.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the server listens and who may use the admin routes, through real HTTP on port 0. */
class AdminRoutesIT {
    @TempDir
    static Path tmp;

    static Path data;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void data() throws IOException {
        data = TinyMovieLens.write(tmp.resolve("ml"), 7);
    }

    static HttpResponse<String> reload(WrenServer server, Optional<String> authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/api/v1/admin/reload"))
                .POST(HttpRequest.BodyPublishers.noBody());
        authorization.ifPresent(a -> b.header("Authorization", a));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void unauthorized(HttpResponse<String> r, String message) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        JsonNode error = json.readTree(r.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("unauthorized");
        assertThat(error.path("message").asText()).contains(message);
    }

    @Test
    void withATokenTheAdminRoutesNeedItAndTheOthersDoNot() throws Exception {
        try (WrenServer server = WrenServer.start(
                ServingConfig.of(data, tmp.resolve("token.jsonl")).withPort(0).withAdminToken("s3cret"))) {
            unauthorized(reload(server, Optional.empty()), "Authorization: Bearer");
            unauthorized(reload(server, Optional.of("Bearer wrong")), "wrong");
            unauthorized(reload(server, Optional.of("Basic czNjcmV0")), "Authorization: Bearer");
            assertThat(reload(server, Optional.of("Bearer s3cret")).statusCode())
                    .isEqualTo(200);
            HttpResponse<String> recommendations = http.send(
                    HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + server.port() + "/api/v1/users/1/recommendations"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(recommendations.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void refusesToListenBeyondLoopbackWithoutAToken() {
        ServingConfig open =
                ServingConfig.of(data, tmp.resolve("open.jsonl")).withPort(0).withHost("0.0.0.0");
        assertThatThrownBy(() -> WrenServer.start(open))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.0.0.0")
                .hasMessageContaining("admin token");
    }

    @Test
    void beyondLoopbackWithATokenTheAdminRoutesNeedIt() throws Exception {
        try (WrenServer server = WrenServer.start(ServingConfig.of(data, tmp.resolve("all.jsonl"))
                .withPort(0)
                .withHost("0.0.0.0")
                .withAdminToken("s3cret"))) {
            unauthorized(reload(server, Optional.empty()), "Authorization: Bearer");
            assertThat(reload(server, Optional.of("Bearer s3cret")).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void listensOnLoopbackOnlyByDefault() throws Exception {
        Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                .filter(n -> {
                    try {
                        return n.isUp() && !n.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
        assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to try");
        ServingConfig config =
                ServingConfig.of(data, tmp.resolve("loopback.jsonl")).withPort(0);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        try (WrenServer server = WrenServer.start(config)) {
            try (Socket local = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                assertThat(local.isConnected()).isTrue();
            }
            assertThatThrownBy(() -> new Socket(external.get(), server.port()).close())
                    .isInstanceOf(IOException.class);
        }
    }
}
