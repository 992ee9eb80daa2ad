package dev.wren.stream.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Checks, before the job is submitted, that the brokers answer and hold the topics the job reads and writes, so that a
 * wrong address or a missing topic is one clear error rather than a job that fails and restarts. Stateless.
 */
public final class KafkaCheck {
    private KafkaCheck() {}

    /**
     * @throws IllegalStateException naming the servers or the missing topics
     */
    public static void topicsExist(KafkaInput kafka, Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(props)) {
            Set<String> topics = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<String> missing = new ArrayList<>();
            for (String t : List.of(kafka.eventsTopic(), kafka.exposuresTopic(), kafka.samplesTopic())) {
                if (!topics.contains(t) && !missing.contains(t)) {
                    missing.add(t);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Kafka at " + kafka.bootstrapServers() + " has no topic " + missing
                        + ": create them first (the job reads " + kafka.topics() + " and writes "
                        + kafka.samplesTopic() + ")");
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka at " + kafka.bootstrapServers() + " did not answer within " + timeout.toMillis() + " ms: "
                            + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking Kafka", e);
        }
    }
}
