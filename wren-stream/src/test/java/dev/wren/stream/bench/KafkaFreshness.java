package dev.wren.stream.bench;

import dev.wren.stream.KafkaBroker;
import dev.wren.stream.LocalStreamRunner;
import dev.wren.stream.StreamConfig;
import dev.wren.stream.kafka.KafkaInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The freshness benchmark from Kafka (not a test; run by {@code bench/kafka-freshness.sh}): a single-node KRaft broker
 * in this JVM (Kafka's test kit, as in the ITs), the job following its topics into the given store, and events
 * produced at a steady rate, keyed by user, with {@code loggedAt} the wall clock, as serving's KafkaEventLog sends them
 * ({@code acks=all}, idempotent). The job's store sink logs the freshness; the script reads it from the output.
 *
 * <p>{@code KafkaFreshness DATA_DIR WORK_DIR STORE_URI RATE SECONDS OUT_OF_ORDERNESS}
 */
public final class KafkaFreshness {
    private static final Logger log = LoggerFactory.getLogger(KafkaFreshness.class);

    private KafkaFreshness() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path work = Path.of(args[1]);
        String store = args[2];
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int bound = Integer.parseInt(args[5]);
        List<Integer> movies = Files.readAllLines(data.resolve("movies.csv")).stream()
                .skip(1)
                .map(l -> Integer.parseInt(l.substring(0, l.indexOf(','))))
                .toList();
        try (KafkaClusterTestKit kafka = KafkaBroker.start(work.resolve("kafka"))) {
            KafkaInput topics = KafkaInput.of(kafka.bootstrapServers());
            KafkaBroker.createTopics(
                    kafka,
                    List.of(
                            new NewTopic(topics.eventsTopic(), 3, (short) 1),
                            new NewTopic(topics.exposuresTopic(), 3, (short) 1),
                            new NewTopic(topics.samplesTopic(), 3, (short) 1)));
            StreamConfig config = StreamConfig.defaults(work.resolve("unused.jsonl"), data, store, 32)
                    .withFollow(true)
                    .withKafka(Optional.of(topics))
                    .withOutOfOrderness(Duration.ofSeconds(bound))
                    .withSamples(Optional.of(work.resolve("samples")))
                    .withCheckpoints(Duration.ofSeconds(10), Optional.of(work.resolve("checkpoints")));
            LocalStreamRunner runner = LocalStreamRunner.start(config);
            Thread.sleep(8000); // the job's tasks start after the client returns
            Properties props = new Properties();
            props.putAll(kafka.clientProperties());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            Random random = new Random(7);
            long sent = 0;
            long start = System.nanoTime();
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                while (System.nanoTime() - start < Duration.ofSeconds(seconds).toNanos()) {
                    long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                    for (; sent < due; sent++) {
                        long now = System.currentTimeMillis();
                        int user = 1 + random.nextInt(610);
                        int movie = movies.get(random.nextInt(movies.size()));
                        boolean click = random.nextInt(4) == 0;
                        String value = String.format(
                                Locale.ROOT,
                                "{\"kind\":\"event\",\"schemaVersion\":1,\"loggedAt\":%d,\"type\":\"%s\",\"userId\":%d,"
                                        + "\"itemId\":%d,\"value\":%.1f,\"timestamp\":%d}",
                                now,
                                click ? "click" : "rating",
                                user,
                                movie,
                                click ? 1.0 : (1 + random.nextInt(10)) / 2.0,
                                now / 1000);
                        producer.send(new ProducerRecord<>(topics.eventsTopic(), Integer.toString(user), value));
                    }
                    Thread.sleep(10);
                }
            }
            log.info("Produced {} events in {} s", sent, seconds);
            // The last events are applied after the bound (or the quiet catch-up); the next freshness line covers them.
            Thread.sleep((bound + 3 + 11) * 1000L);
            runner.cancel(30);
        }
        System.exit(0);
    }
}
