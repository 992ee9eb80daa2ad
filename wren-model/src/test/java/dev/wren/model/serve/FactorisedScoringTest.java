package dev.wren.model.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wren.model.blocks.FactorisedDeepFm;
import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.data.PlantedSignal;
import dev.wren.model.data.SampleBatch;
import dev.wren.model.train.ModelTrainer;
import dev.wren.model.train.TrainConfig;
import dev.wren.model.train.TrainedModel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A DeepFM scorer splits the model into user and item parts; its scores must be the forward pass's. */
class FactorisedScoringTest {
    private static TrainedModel deepFm;

    @BeforeAll
    static void trainTinyDeepFm() {
        ModelSpec spec = new ModelSpec.DeepFmSpec(4, List.of(16, 8), 0.1f);
        deepFm = ModelTrainer.train(
                spec,
                PlantedSignal.layout(),
                PlantedSignal.samples(400, 41),
                PlantedSignal.samples(200, 42),
                TrainConfig.defaultsFor(spec).withEpochs(2, 2));
    }

    @AfterAll
    static void close() {
        deepFm.close();
    }

    @Test
    void aDeepFmIsFactorisedAndOtherModelsAreNot() {
        assertThat(FactorisedDeepFm.of(deepFm.model().getBlock(), deepFm.layout(), deepFm.scaling()))
                .isPresent();
        ModelSpec din = new ModelSpec.DinSpec(4, List.of(4), List.of(8), 0f);
        try (TrainedModel other = ModelTrainer.train(
                din,
                PlantedSignal.layout(),
                PlantedSignal.samples(100, 43),
                PlantedSignal.samples(50, 44),
                TrainConfig.defaultsFor(din).withEpochs(1, 1))) {
            assertThat(FactorisedDeepFm.of(other.model().getBlock(), other.layout(), other.scaling()))
                    .isEmpty();
        }
    }

    @Test
    void scoresEqualTheForwardPassForListedAndPackedCandidates() {
        List<ItemFeatures> items = ScorerTest.candidates(60);
        try (Scorer scorer = new Scorer(deepFm, 1)) {
            for (int userId : new int[] {1, 5, 17, 60}) {
                UserFeatures user = ScorerTest.user(userId);
                float[] expected =
                        deepFm.score(SampleBatch.of(PlantedSignal.layout(), ScorerTest.rows(userId, user, items)));
                Scorer.PackedItem[] packed = items.stream().map(scorer::pack).toArray(Scorer.PackedItem[]::new);

                Scorer.PackedItem[] catalogue = scorer.packAll(items).toArray(Scorer.PackedItem[]::new);
                Scorer.PackedItem[] someOfTheCatalogue = {catalogue[7], catalogue[3], catalogue[3], catalogue[59]};

                float[] listed = scorer.score(user, items);
                float[] fromPacked = scorer.score(user, packed);
                float[] fromCatalogue = scorer.score(user, catalogue);
                float[] fromSlots = scorer.score(user, someOfTheCatalogue);
                Scorer.PreparedUser prepared = scorer.prepare(user);
                float[] fromPrepared = scorer.score(prepared, catalogue);
                float[] preparedAgain = scorer.score(prepared, someOfTheCatalogue);

                for (int i = 0; i < expected.length; i++) {
                    assertThat(listed[i]).isCloseTo(expected[i], within(1e-5f));
                    assertThat(fromPacked[i]).isEqualTo(listed[i]);
                    assertThat(fromCatalogue[i]).isCloseTo(expected[i], within(1e-5f));
                }
                assertThat(fromSlots)
                        .containsExactly(fromCatalogue[7], fromCatalogue[3], fromCatalogue[3], fromCatalogue[59]);
                assertThat(fromPrepared).containsExactly(fromCatalogue);
                assertThat(preparedAgain).containsExactly(fromSlots);
            }
        }
    }

    @Test
    void scoringFromACatalogueLeavesNoNativeArraysBehind() {
        List<ItemFeatures> items = ScorerTest.candidates(60);
        try (Scorer scorer = new Scorer(deepFm, 1)) {
            Scorer.PackedItem[] catalogue = scorer.packAll(items).toArray(Scorer.PackedItem[]::new);
            scorer.score(ScorerTest.user(2), catalogue);
            int before = deepFm.model().getNDManager().getManagedArrays().size();
            for (int i = 0; i < 50; i++) {
                scorer.score(ScorerTest.user(1 + i % 9), catalogue);
            }
            assertThat(deepFm.model().getNDManager().getManagedArrays()).hasSize(before);
        }
    }
}
