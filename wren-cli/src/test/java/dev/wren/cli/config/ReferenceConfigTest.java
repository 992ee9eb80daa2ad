package dev.wren.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.features.UserFeatureRules;
import dev.wren.eval.pipeline.PipelineOptions;
import dev.wren.eval.split.SplitMethod;
import dev.wren.eval.split.SplitSpec;
import dev.wren.model.blocks.ModelCatalog;
import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.learn.LearnDefaults;
import dev.wren.model.learn.PublishRule;
import dev.wren.model.topk.TopKRankerParams;
import dev.wren.model.train.TrainConfig;
import dev.wren.offline.EmbeddingParams;
import dev.wren.offline.OfflineConfig;
import dev.wren.offline.cf.CfParams;
import dev.wren.offline.samples.SampleParams;
import dev.wren.serving.PipelineSettings;
import dev.wren.serving.ServingConfig;
import dev.wren.serving.events.KafkaSettings;
import dev.wren.serving.trend.TrendSettings;
import dev.wren.stream.StreamConfig;
import dev.wren.stream.kafka.KafkaInput;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reference file holds the modules' own defaults, so that the two cannot drift: each section of reference.yaml,
 * mapped to its module's records, equals the records' own {@code defaults()}.
 */
class ReferenceConfigTest {
    private static final Path DATA = Path.of("/data/ml");
    private static final Path OUT = Path.of("/data/offline");

    private final WrenSettings reference = new ConfigLoader().reference().settings();

    @Test
    void userFeatureRulesAreTheCoreDefaultsInEveryTier() {
        UserFeatureRules rules = UserFeatureRules.defaults();
        assertThat(reference.features().rules()).isEqualTo(rules);
        assertThat(reference.offlineConfig(DATA, OUT).users()).isEqualTo(rules);
        assertThat(reference.pipelineSettings().userFeatures()).isEqualTo(rules);
        assertThat(reference.streamConfig(DATA, DATA, "embedded:/s", 32).rules())
                .isEqualTo(rules);
        assertThat(reference.offlineConfig(DATA, OUT).samples().labelThreshold())
                .isEqualTo(rules.positiveThreshold());
    }

    @Test
    void offlineSectionIsTheOfflineDefaults() {
        OfflineConfig mapped = reference.offlineConfig(DATA, OUT);
        OfflineConfig defaults = OfflineConfig.defaults(DATA, OUT).withSnapshotVersion(mapped.snapshotVersion());
        assertThat(mapped).isEqualTo(defaults);
        assertThat(mapped.samples()).isEqualTo(SampleParams.defaults());
        assertThat(mapped.embedding()).isEqualTo(EmbeddingParams.defaults());
        assertThat(mapped.cf()).isEqualTo(CfParams.defaults(42));
    }

    @Test
    void servingSectionIsTheServingDefaults() {
        Path log = DATA.resolve("events.jsonl");
        ServingConfig mapped = reference.servingConfig(DATA, log, "memory:");
        assertThat(mapped).usingRecursiveComparison().isEqualTo(ServingConfig.of(DATA, log));
        assertThat(mapped.pipeline()).isEqualTo(PipelineSettings.defaults());
        assertThat(mapped.trends()).isEqualTo(TrendSettings.defaults());
        assertThat(mapped.port()).isEqualTo(ServingConfig.DEFAULT_PORT);
        assertThat(mapped.host()).isEqualTo(ServingConfig.DEFAULT_HOST);
        assertThat(mapped.embeddingDimension()).isEqualTo(ServingConfig.DEFAULT_DIMENSION);
        assertThat(mapped.embeddingDimension())
                .isEqualTo(EmbeddingParams.defaults().dimension())
                .isEqualTo(reference.store().dimension());
    }

    @Test
    void kafkaSectionIsWhatServingWritesAndTheStreamJobReads() {
        assertThat(reference.kafka().serving("broker:9092")).isEqualTo(KafkaSettings.of("broker:9092"));
        assertThat(reference.kafka().stream("broker:9092")).isEqualTo(KafkaInput.of("broker:9092"));
    }

    @Test
    void streamSectionIsTheStreamDefaults() {
        assertThat(reference.streamConfig(DATA.resolve("events.jsonl"), DATA, "embedded:/s", 32))
                .isEqualTo(StreamConfig.defaults(DATA.resolve("events.jsonl"), DATA, "embedded:/s", 32));
        assertThat(reference.stream().trendWindowDuration()).isEqualTo(TrendSettings.DEFAULT_WINDOW);
    }

    @Test
    void trainingSectionLeavesEachModelItsOwnDefaults() {
        for (ModelSpec spec : new ModelCatalog(List.of()).all()) {
            assertThat(reference.trainConfig(spec)).as(spec.name()).isEqualTo(TrainConfig.defaultsFor(spec));
        }
        assertThat(reference.training().ranker().params()).isEqualTo(TopKRankerParams.defaults());
    }

    @Test
    void learnSectionIsTheOnlineLearningDefaults() {
        assertThat(reference.learn().rule()).isEqualTo(PublishRule.defaults());
        assertThat(reference.learn().chunk()).isEqualTo(LearnDefaults.CHUNK);
        assertThat(reference.learn().batchSize()).isEqualTo(LearnDefaults.BATCH);
        assertThat(reference.learn().rateShare()).isEqualTo(LearnDefaults.RATE_SHARE);
        assertThat(reference.learn().replay()).isEqualTo(LearnDefaults.replay());
    }

    @Test
    void evalSectionBuildsThePipelineTheDemoServes() {
        EvalSection.TopK topk = reference.eval().topk();
        PipelineOptions defaults = PipelineOptions.defaults(topk.seed());
        assertThat(topk.models()).isEqualTo(defaults.models());
        assertThat(reference.pipelineSettings()).isEqualTo(defaults.settings());
        assertThat(reference.offline().cf().params(topk.seed())).isEqualTo(defaults.cf());
        assertThat(reference.store().dimension()).isEqualTo(defaults.dimension());
        SplitSpec split = SplitSpec.defaults(SplitMethod.of(topk.split()), topk.seed());
        assertThat(new SplitSpec(SplitMethod.of(topk.split()), topk.testFraction(), topk.lastN(), topk.seed()))
                .isEqualTo(split);
        assertThat(topk.quick()).as("the full tuning grid").isFalse();
    }

    @Test
    void everyKeyIsDocumentedByAOneLineCommentAndHasItsOwnEnvironmentVariable() {
        ConfigLoader loader = new ConfigLoader();
        List<String> lines = loader.referenceText().lines().toList();
        Set<String> envNames = new HashSet<>();
        for (String key : loader.keys()) {
            String name = key.substring(key.lastIndexOf('.') + 1);
            int line = indexOfKey(lines, key);
            assertThat(line).as(key).isPositive();
            assertThat(lines.get(line - 1).strip())
                    .as("comment above " + key)
                    .startsWith("# ")
                    .hasSizeGreaterThan(12);
            assertThat(lines.get(line).strip()).startsWith(name + ":");
            assertThat(envNames.add(ConfigLoader.envName(key))).as(key).isTrue();
        }
        assertThat(envNames).doesNotContainAnyElementsOf(ConfigLoader.LEGACY_ENV.values());
    }

    /** The line of {@code key} in the reference file, found by walking its sections' indentation. */
    private static int indexOfKey(List<String> lines, String key) {
        String[] parts = key.split("\\.");
        int from = 0;
        for (int depth = 0; depth < parts.length; depth++) {
            String prefix = "  ".repeat(depth) + parts[depth] + ":";
            int found = -1;
            for (int i = from; i < lines.size(); i++) {
                if (lines.get(i).startsWith(prefix)) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                return -1;
            }
            from = found;
        }
        return from;
    }
}
