package dev.wren.stream;

import dev.wren.stream.kafka.KafkaInput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;

/**
 * The entry point for {@code flink run} on a session cluster (see this module's README): only wires arguments into a
 * {@link StreamConfig} and submits the job. {@code wren stream} runs the same job embedded instead.
 */
public final class StreamMain {
    private StreamMain() {}

    /**
     * {@code --events FILE --data DIR --store URI [--dim 32] [--follow] [--parallelism 2] [--out-of-orderness-seconds
     * 5] [--trend-window-minutes 60] [--trend-slide-seconds 60] [--session-gap-minutes 30] [--checkpoint-seconds 10]
     * [--late-events FILE] [--label-window-minutes 30] [--ctr-window-minutes (the trend window)] [--samples DIR] [--kafka HOST:PORT [--kafka-topics
     * EVENTS,EXPOSURES] [--kafka-group ID] [--samples-topic TOPIC] [--transactional-id-prefix PREFIX]]}; with {@code
     * --kafka}, {@code --events} is not read (and may be left out). The paths must be readable from every task manager.
     */
    public static void main(String[] args) throws Exception {
        ParameterTool p = ParameterTool.fromArgs(args);
        StreamConfig config = StreamConfig.defaults(
                        Path.of(p.has("kafka") ? p.get("events", "kafka") : p.getRequired("events")),
                        Path.of(p.getRequired("data")),
                        p.getRequired("store"),
                        p.getInt("dim", 32))
                .withFollow(p.has("follow"))
                .withParallelism(p.getInt("parallelism", 2))
                .withOutOfOrderness(Duration.ofSeconds(p.getLong("out-of-orderness-seconds", 5)))
                .withTrendWindow(
                        Duration.ofMinutes(p.getLong("trend-window-minutes", 60)),
                        Duration.ofSeconds(p.getLong("trend-slide-seconds", 60)))
                .withSessionGap(Duration.ofMinutes(p.getLong("session-gap-minutes", 30)))
                // The cluster's own checkpoint storage (execution.checkpointing.dir) holds the checkpoints.
                .withCheckpoints(Duration.ofSeconds(p.getLong("checkpoint-seconds", 10)), Optional.empty())
                .withLateEvents(Optional.ofNullable(p.get("late-events")).map(Path::of))
                .withLabelWindow(Duration.ofMinutes(p.getLong("label-window-minutes", 30)))
                .withCtrWindow(
                        Duration.ofMinutes(p.getLong("ctr-window-minutes", p.getLong("trend-window-minutes", 60))))
                .withSamples(Optional.ofNullable(p.get("samples")).map(Path::of))
                .withKafka(Optional.ofNullable(p.get("kafka")).map(servers -> kafka(servers, p)));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                StreamJob.flinkConfiguration(config, Optional.empty()));
        StreamJob.define(env, config);
        env.execute(StreamJob.NAME);
    }

    private static KafkaInput kafka(String servers, ParameterTool p) {
        KafkaInput k = KafkaInput.of(servers).withGroup(p.get("kafka-group", KafkaInput.GROUP));
        if (p.has("kafka-topics")) {
            k = k.withTopics(p.get("kafka-topics"));
        }
        return k.withSamples(
                p.get("samples-topic", KafkaInput.SAMPLES), p.get("transactional-id-prefix", k.groupId() + "-samples"));
    }
}
