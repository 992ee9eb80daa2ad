import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates Wren's topics on a broker if they are missing, as an operator would before starting serving and the stream
 * job (neither creates topics). Run as a single-file program with kafka-clients on the class path:
 * {@code java -cp 'lib/*' deploy/KafkaTopics.java HOST:PORT PARTITIONS REPLICAS TOPIC...}.
 */
public final class KafkaTopics {
    private KafkaTopics() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: KafkaTopics HOST:PORT PARTITIONS REPLICAS TOPIC...");
            System.exit(2);
        }
        int partitions = Integer.parseInt(args[1]);
        short replicas = Short.parseShort(args[2]);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (int i = 3; i < args.length; i++) {
                if (!existing.contains(args[i])) {
                    missing.add(new NewTopic(args[i], partitions, replicas));
                }
            }
            admin.createTopics(missing).all().get();
            for (int i = 3; i < args.length; i++) {
                System.out.println((existing.contains(args[i]) ? "kept    " : "created ") + args[i]);
            }
        }
    }
}
