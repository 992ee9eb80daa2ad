package dev.wren.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.serving.events.EventLog;
import dev.wren.serving.events.KafkaSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server with a real Kafka event log: a single-node KRaft broker in this JVM (Kafka's own test kit), topics with
 * three partitions, and a server on port 0 over a tiny MovieLens folder. Every event acknowledged with 200 is in the
 * events topic exactly once, keyed by its user; when the broker goes away, events are refused with 503 while
 * recommendations keep being served. The outage stops the class's only broker, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaEventLogIT {
    static final String EVENTS = "wren.events";
    static final String EXPOSURES = "wren.exposures";
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    static Path tmp;

    static KafkaClusterTestKit kafka;
    static WrenServer server;
    static Path localLog;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .setBaseDirectory(tmp.resolve("kafka"))
                        .build())
                // One broker cannot keep three copies of the internal topics.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                // Topics are made by the test, as an operator would, not by the producer's first request.
                .setConfigProp("auto.create.topics.enable", "false")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            admin.createTopics(List.of(new NewTopic(EVENTS, 3, (short) 1), new NewTopic(EXPOSURES, 3, (short) 1)))
                    .all()
                    .get();
        }
        Path data = TinyMovieLens.write(tmp.resolve("ml"), 7);
        localLog = tmp.resolve("events.jsonl");
        server = WrenServer.start(ServingConfig.of(data, localLog)
                .withPort(0)
                .withKafka(KafkaSettings.of(kafka.bootstrapServers()).withAckTimeout(ACK_TIMEOUT)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @Order(1)
    void everyAcknowledgedEventIsInTheEventsTopicExactlyOnceKeyedByItsUserAndInOrder() throws Exception {
        Map<String, List<Integer>> postedByUser = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            int user = 1 + i % 6;
            int movie = 1 + (i * 7) % TinyMovieLens.MOVIES;
            String body = i % 3 == 0
                    ? "{\"userId\":" + user + ",\"movieId\":" + movie + ",\"type\":\"click\"}"
                    : "{\"userId\":" + user + ",\"movieId\":" + movie + ",\"type\":\"rating\",\"value\":4.5}";
            HttpResponse<String> r = post("/api/v1/events", body);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            postedByUser
                    .computeIfAbsent(Integer.toString(user), u -> new ArrayList<>())
                    .add(movie);
        }
        for (int user = 1; user <= 5; user++) {
            HttpResponse<String> r = get("/api/v1/users/" + user + "/recommendations?size=5");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }

        List<ConsumerRecord<String, String>> events = readAll(EVENTS, 30);
        assertThat(events).hasSize(30); // each acknowledged event once: no loss, no duplicate
        Map<String, List<Integer>> readByUser = new HashMap<>();
        Map<String, Integer> partitionOfUser = new HashMap<>();
        for (ConsumerRecord<String, String> r : events) {
            JsonNode value = json.readTree(r.value());
            assertThat(value.path("kind").asText()).isEqualTo(EventLog.EVENT);
            assertThat(value.path("schemaVersion").asInt()).isEqualTo(EventLog.SCHEMA_VERSION);
            assertThat(r.key()).isEqualTo(value.path("userId").asText());
            assertThat(partitionOfUser.computeIfAbsent(r.key(), k -> r.partition()))
                    .as("one user's events share a partition")
                    .isEqualTo(r.partition());
            readByUser
                    .computeIfAbsent(r.key(), k -> new ArrayList<>())
                    .add(value.path("itemId").asInt());
        }
        assertThat(readByUser).isEqualTo(postedByUser); // and, per user, in the order they were accepted

        List<ConsumerRecord<String, String>> exposures = readAll(EXPOSURES, 5);
        assertThat(exposures).hasSize(5);
        for (ConsumerRecord<String, String> r : exposures) {
            JsonNode value = json.readTree(r.value());
            assertThat(value.path("kind").asText()).isEqualTo(EventLog.EXPOSURE);
            assertThat(value.path("schemaVersion").asInt()).isEqualTo(EventLog.SCHEMA_VERSION);
            assertThat(r.key()).isEqualTo(value.path("userId").asText());
            assertThat(value.path("items")).hasSize(5);
        }
        assertThat(localLog).as("with Kafka, nothing goes to the local file").doesNotExist();
    }

    @Test
    @Order(2)
    void whenTheBrokerIsDownEventsAreRefusedWith503AndRecommendationsAreStillServed() throws Exception {
        kafka.brokers().values().forEach(broker -> broker.shutdown());

        long start = System.nanoTime();
        HttpResponse<String> refused = post("/api/v1/events", "{\"userId\":3,\"movieId\":5,\"type\":\"click\"}");
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        JsonNode error = json.readTree(refused.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("unavailable");
        assertThat(error.path("message").asText()).contains("Kafka").contains("try again");
        assertThat(waitedMs).as("bounded by the acknowledgement timeout").isLessThan(ACK_TIMEOUT.toMillis() * 3);

        for (int i = 0; i < 3; i++) {
            start = System.nanoTime();
            HttpResponse<String> served = get("/api/v1/users/3/recommendations?size=5");
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
            assertThat(json.readTree(served.body()).path("items")).hasSize(5);
            assertThat(tookMs).as("not held up by the exposure's send").isLessThan(ACK_TIMEOUT.toMillis());
        }
        // The refused event was not applied either: the user's history has no live entry for it.
        for (JsonNode h :
                json.readTree(get("/api/v1/users/3/history?limit=200").body()).path("items")) {
            assertThat(h.path("source").asText().equals("live")
                            && h.path("movie").path("id").asInt() == 5)
                    .as(h.toString())
                    .isFalse();
        }

        // The exposures of those lists could not be logged: counted at once, or when the producer gives them up.
        long deadline = System.nanoTime() + ACK_TIMEOUT.multipliedBy(5).toNanos();
        String metrics = "";
        while (System.nanoTime() < deadline) {
            metrics = get("/metrics").body();
            if (metrics.matches("(?s).*wren_eventlog_lost_total\\{kind=\"exposure\"[^}]*} [1-9].*")) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(metrics).containsPattern("wren_eventlog_lost_total\\{kind=\"exposure\"[^}]*} [1-9]");
    }

    /** Every record of a topic, from the beginning to its end offsets once {@code atLeast} records are there. */
    private List<ConsumerRecord<String, String>> readAll(String topic, int atLeast) throws InterruptedException {
        Properties props = kafka.clientProperties();
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            // Exposures are sent without waiting for them, so some may still be in flight.
            while (end.values().stream().mapToLong(Long::longValue).sum() < atLeast && System.nanoTime() < deadline) {
                Thread.sleep(100);
                end = consumer.endOffsets(partitions);
            }
            Map<TopicPartition, Long> last = end;
            List<ConsumerRecord<String, String>> out = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < last.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
