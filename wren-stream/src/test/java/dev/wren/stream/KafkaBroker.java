package dev.wren.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Utils;

/** A real single-node KRaft Kafka in this JVM, from Kafka's own test kit, for the ITs and the freshness benchmark. */
public final class KafkaBroker {
    private KafkaBroker() {}

    /**
     * Formats and starts a combined broker and controller under {@code dir}, returning once it is ready. Topics are
     * not created on first use: the callers create them, as an operator would.
     */
    public static KafkaClusterTestKit start(Path dir) throws Exception {
        KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .setBaseDirectory(dir)
                        .build())
                // One broker cannot keep three copies of the internal topics.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("auto.create.topics.enable", "false")
                .build();
        try {
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            return kafka;
        } catch (Exception e) {
            kafka.close();
            throw e;
        }
    }

    /**
     * Creates the topics and returns once every partition's leader answers for it. The controller commits a new topic
     * before the broker has taken up its partitions; a producer that writes in between is told the broker is not the
     * leader, and its idempotent retries can then be refused as out of sequence until they time out, which lost two
     * records of a test on a loaded machine. The end-offsets request is answered by the partition's leader only, so
     * once it returns the partitions take writes.
     */
    public static void createTopics(KafkaClusterTestKit kafka, List<NewTopic> topics) throws Exception {
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            admin.createTopics(topics).all().get();
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (NewTopic t : topics) {
            for (int p = 0; p < t.numPartitions(); p++) {
                partitions.add(new TopicPartition(t.name(), p));
            }
        }
        Properties props = new Properties();
        props.putAll(kafka.clientProperties());
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.endOffsets(partitions, Duration.ofSeconds(60));
        }
    }

    /**
     * Each record to its topic by kind, keyed by user, as serving's KafkaEventLog sends them; returns once the broker
     * has acknowledged every one, and fails when it refused any.
     */
    static void produce(KafkaClusterTestKit kafka, String eventsTopic, String exposuresTopic, List<String> lines)
            throws Exception {
        Properties props = new Properties();
        props.putAll(kafka.clientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        ObjectMapper json = new ObjectMapper();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (String line : lines) {
                JsonNode n = json.readTree(line);
                String topic = n.path("kind").asText().equals("exposure") ? exposuresTopic : eventsTopic;
                sent.add(producer.send(
                        new ProducerRecord<>(topic, n.path("userId").asText(), line)));
            }
            producer.flush();
        }
        for (Future<RecordMetadata> f : sent) {
            f.get();
        }
    }

    /** Every committed record of a topic's {@code partitions} partitions, read from the beginning to their ends. */
    static List<ConsumerRecord<String, String>> readCommitted(KafkaClusterTestKit kafka, String topic, int partitions) {
        Properties props = new Properties();
        props.putAll(kafka.clientProperties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> assigned = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                assigned.add(new TopicPartition(topic, p));
            }
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            // The end offsets include transaction markers; read until the position reaches them.
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(assigned));
            List<ConsumerRecord<String, String>> out = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (assigned.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                assertThat(System.nanoTime()).as("reading " + topic).isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }

    /** A user whose records the default partitioner puts in partition {@code p} of {@code partitions}. */
    static int userIn(int p, int partitions) {
        for (int user = 1; ; user++) {
            byte[] key = Integer.toString(user).getBytes(StandardCharsets.UTF_8);
            if (Utils.toPositive(Utils.murmur2(key)) % partitions == p) {
                return user;
            }
        }
    }
}
