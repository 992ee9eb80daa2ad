package dev.wren.stream;

import dev.wren.stream.events.EventLogFormat;
import dev.wren.stream.events.LateEventSink;
import dev.wren.stream.events.LineTimes;
import dev.wren.stream.events.LogEvent;
import dev.wren.stream.events.LogLine;
import dev.wren.stream.events.ParseEvents;
import dev.wren.stream.events.PerEventWatermarks;
import dev.wren.stream.events.SplitLateEvents;
import dev.wren.stream.items.CountEvents;
import dev.wren.stream.items.ItemTrend;
import dev.wren.stream.items.SlidingCounts;
import dev.wren.stream.items.TrendOfWindow;
import dev.wren.stream.kafka.KafkaInput;
import dev.wren.stream.kafka.KafkaLines;
import dev.wren.stream.kafka.PartitionWatermarks;
import dev.wren.stream.samples.Sample;
import dev.wren.stream.samples.SampleSinks;
import dev.wren.stream.store.FeatureStoreSink;
import dev.wren.stream.store.RowWrite;
import dev.wren.stream.tail.LogTailSource;
import dev.wren.stream.users.UserFeatureFunction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The near-line job: the event log (a file read once or followed, or serving's Kafka topics) becomes event-time user
 * features, item trends and click-through rates in the feature store, and fresh labelled samples.
 *
 * <pre>
 * log | Kafka -> parse -> watermarks (bounded out-of-orderness) -> split late --> late events (log, file)
 *                                           |-> keyBy user -> user features, as events arrive ----|-> store
 *                                           |                \-> samples -> JSON-lines files, Kafka topic
 *                                           |-> keyBy item -> slide panes -> window sums ---------|-> store
 * </pre>
 *
 * The source, parsing, watermarks and the late split run as one task, so that watermarks follow the log's order alone
 * (from Kafka, each partition's order, the watermarks being made per partition in the source);
 * the store sink is one task (the embedded store is owned by one writer). Every stateful operator has a stable uid, so
 * that checkpoints restore across versions of this code. Stateless: it only adds operators to an environment.
 */
public final class StreamJob {
    /** The job's name in Flink. */
    public static final String NAME = "wren stream";

    /** The longest the store sink holds a row: short, since it is most of a quiet stream's freshness. */
    static final long SINK_FLUSH_MILLIS = 50;

    /**
     * The longest records wait in a network buffer on their way to the user features and from them to the store
     * (Flink's default, 100 ms per hop, would be most of an event's time to the store); the item and sample paths keep
     * the default.
     */
    static final long USER_PATH_BUFFER_MILLIS = 5;

    private StreamJob() {}

    /** Adds the job to {@code env}; run it with {@code env.execute(NAME)}. */
    public static void define(StreamExecutionEnvironment env, StreamConfig config) {
        define(env, config, UnaryOperator.identity());
    }

    /**
     * The job with {@code tap} applied to the on-time records before they are keyed: the tests' way to inject failures
     * into a real run.
     */
    static void define(StreamExecutionEnvironment env, StreamConfig config, UnaryOperator<DataStream<LogEvent>> tap) {
        String data = config.data().toAbsolutePath().toString();
        long boundMillis = config.outOfOrderness().toMillis();
        // Only a live source catches up with its newest event when quiet: a replay's lateness must not depend on
        // timing.
        long idleNanos = config.follow() ? Math.max(config.outOfOrderness().toNanos(), 1) : 0;
        SingleOutputStreamOperator<LogEvent> parsed = config.kafka().isPresent()
                ? kafkaRecords(env, config.kafka().get(), config.follow(), boundMillis, idleNanos, data)
                : fileRecords(env, config, boundMillis, idleNanos, data);
        SingleOutputStreamOperator<LogEvent> onTime = parsed.process(new SplitLateEvents())
                .uid("split-late-events")
                .name("late split")
                .setParallelism(1)
                .setBufferTimeout(USER_PATH_BUFFER_MILLIS);
        onTime.getSideOutput(SplitLateEvents.LATE)
                .sinkTo(new LateEventSink(
                        config.kafka()
                                .map(KafkaInput::describe)
                                .orElse(config.events().toString()),
                        config.lateEvents()
                                .map(p -> p.toAbsolutePath().toString())
                                .orElse("")))
                .uid("late-events")
                .name("late events")
                .setParallelism(1);
        DataStream<LogEvent> records = tap.apply(onTime);

        SingleOutputStreamOperator<RowWrite> users = records.keyBy(LogEvent::userId, Types.INT)
                .process(new UserFeatureFunction(
                        data,
                        config.rules(),
                        config.recentItems(),
                        config.sessionGap().toSeconds(),
                        config.labelWindow().toMillis()))
                .uid("user-features")
                .name("user features")
                .setParallelism(config.parallelism())
                .setBufferTimeout(USER_PATH_BUFFER_MILLIS);

        // Panes one slide long (Flink windows), summed over the window as they close and leave it.
        DataStream<RowWrite> items = records.keyBy(LogEvent::itemId, Types.INT)
                .window(TumblingEventTimeWindows.of(config.trendSlide()))
                .aggregate(new CountEvents(), new TrendOfWindow())
                .uid("item-panes")
                .name("item panes")
                .setParallelism(config.parallelism())
                .keyBy(ItemTrend::itemId, Types.INT)
                .process(new SlidingCounts(
                        config.trendWindow().toMillis(), config.ctrWindow().toMillis()))
                .uid("item-windows")
                .name("item trends and CTR")
                .setParallelism(config.parallelism());

        users.union(items)
                .sinkTo(new FeatureStoreSink(
                        config.storeUri(),
                        config.embeddingDimension(),
                        config.rules().embeddingHalfLifeDays(),
                        1000,
                        SINK_FLUSH_MILLIS))
                .uid("feature-store")
                .name("feature store")
                .setParallelism(1);

        DataStream<Sample> samples = users.getSideOutput(UserFeatureFunction.SAMPLES);
        config.samples().ifPresent(dir -> samples.map(Sample::json)
                .name("sample json")
                .setParallelism(config.parallelism())
                .sinkTo(SampleSinks.files(dir))
                .uid("sample-files")
                .name("sample files")
                .setParallelism(config.parallelism()));
        config.kafka().ifPresent(k -> samples.sinkTo(SampleSinks.kafka(k))
                .uid("sample-topic")
                .name("sample topic")
                .setParallelism(config.parallelism()));
    }

    /** The log file, read once or followed, with a watermark after every record in the log's order. */
    private static SingleOutputStreamOperator<LogEvent> fileRecords(
            StreamExecutionEnvironment env, StreamConfig config, long boundMillis, long idleNanos, String data) {
        String events = config.events().toAbsolutePath().toString();
        TypeInformation<LogLine> lineType = TypeInformation.of(LogLine.class);
        DataStream<LogLine> lines = config.follow()
                ? env.fromSource(
                                new LogTailSource(events, config.pollInterval().toMillis()),
                                WatermarkStrategy.noWatermarks(),
                                "event log",
                                lineType)
                        .uid("event-log-followed")
                        .setParallelism(1)
                : env.fromSource(
                                FileSource.forRecordStreamFormat(
                                                new EventLogFormat(events),
                                                new org.apache.flink.core.fs.Path(config.events()
                                                        .toAbsolutePath()
                                                        .toUri()))
                                        .build(),
                                WatermarkStrategy.noWatermarks(),
                                "event log",
                                lineType)
                        .uid("event-log-file")
                        .setParallelism(1);
        WatermarkStrategy<LogEvent> watermarks = WatermarkStrategy.<LogEvent>forGenerator(
                        ctx -> new PerEventWatermarks<>(boundMillis, idleNanos))
                .withTimestampAssigner((event, previous) -> event.eventTimeMillis());
        return lines.flatMap(new ParseEvents(data))
                .uid("parse-events")
                .name("parse")
                .setParallelism(1)
                .assignTimestampsAndWatermarks(watermarks)
                .uid("watermarks")
                .name("event time")
                .setParallelism(1);
    }

    /**
     * The events and exposures topics, with watermarks made per partition in the source (the same per-record
     * watermarks, in each partition's order) and combined as their minimum, so a partition read ahead of the others
     * does not make their records late. When following, a partition quiet for the out-of-orderness (at least a second)
     * once the reader has started reading stops holding the others back ({@link PartitionWatermarks}). Read up to the
     * topics' current ends unless {@code follow}.
     */
    private static SingleOutputStreamOperator<LogEvent> kafkaRecords(
            StreamExecutionEnvironment env,
            KafkaInput kafka,
            boolean follow,
            long boundMillis,
            long idleNanos,
            String data) {
        KafkaSourceBuilder<LogLine> source = KafkaSource.<LogLine>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(kafka.topics())
                .setGroupId(kafka.groupId())
                .setDeserializer(new KafkaLines())
                // A restore takes the offsets in the checkpoint; a new job the group's committed ones, or the start.
                .setStartingOffsets(
                        follow
                                ? OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST)
                                : OffsetsInitializer.earliest())
                .setProperty("commit.offsets.on.checkpoint", "true");
        if (!follow) {
            source.setBounded(OffsetsInitializer.latest());
        }
        // An empty partition would hold the minimum back for ever; read to an end, it just finishes.
        WatermarkStrategy<LogLine> watermarks = follow
                ? new PartitionWatermarks(boundMillis, idleNanos, Math.max(boundMillis, 1000))
                : WatermarkStrategy.<LogLine>forGenerator(ctx -> new PerEventWatermarks<>(boundMillis, idleNanos))
                        .withTimestampAssigner(ctx -> new LineTimes());
        return env.fromSource(source.build(), watermarks, "kafka " + String.join(",", kafka.topics()))
                .uid("kafka-records")
                .setParallelism(1)
                .flatMap(new ParseEvents(data))
                .uid("parse-kafka-records")
                .name("parse")
                .setParallelism(1);
    }

    /**
     * The Flink settings the job needs: checkpoints every interval, kept on cancellation in the checkpoint folder when
     * one is given (otherwise where the cluster keeps them); a bounded number of restarts from the last checkpoint; no
     * Kryo (every record is a POJO, so a type that would fall back to Kryo fails at submission instead of at run time);
     * and, when {@code restoreFrom} is given, the checkpoint to resume from.
     */
    public static Configuration flinkConfiguration(StreamConfig config, Optional<Path> restoreFrom) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, config.checkpointInterval());
        // Without a folder, the cluster's own checkpoint storage is used: in memory on a MiniCluster.
        config.checkpoints().ifPresent(dir -> {
            conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            conf.set(
                    CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                    dir.toAbsolutePath().toUri().toString());
            // A followed log keeps its last checkpoint when cancelled (Ctrl-C), to resume from it.
            conf.set(
                    CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    config.follow()
                            ? ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION
                            : ExternalizedCheckpointRetention.DELETE_ON_CANCELLATION);
        });
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, config.restartAttempts());
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        restoreFrom.ifPresent(p -> conf.set(
                StateRecoveryOptions.SAVEPOINT_PATH, p.toAbsolutePath().toUri().toString()));
        return conf;
    }
}
