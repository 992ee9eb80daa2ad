package dev.wren.stream;

import java.nio.file.Path;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

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
}
