package dev.wren.model.topk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RankingSamplesTest {
    private static final String[] NAMES = {"ease", "als"};

    @Test
    void acceptsOneRowPerCandidateWithBinaryLabels() {
        RankingSamples samples = new RankingSamples(
                NAMES, new float[][] {{1, 2}, {3, 4}, {5, 6}}, new float[] {1, 0, 0}, new int[] {7, 7, 9});
        assertThat(samples.size()).isEqualTo(3);
        assertThat(samples.width()).isEqualTo(2);
    }

    @Test
    void refusesARaggedRowNamingIt() {
        assertThatThrownBy(() ->
                        new RankingSamples(NAMES, new float[][] {{1, 2}, {3}}, new float[] {1, 0}, new int[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1 has 1 values, expected 2 (one per feature name)");
    }

    @Test
    void refusesANonFiniteValueNamingRowAndFeature() {
        assertThatThrownBy(() -> new RankingSamples(
                        NAMES, new float[][] {{1, 2}, {3, Float.NaN}}, new float[] {1, 0}, new int[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1, feature 'als' is NaN; values must be finite");
        assertThatThrownBy(() -> new RankingSamples(
                        NAMES, new float[][] {{Float.POSITIVE_INFINITY, 2}}, new float[] {1}, new int[] {1}))
                .hasMessageContaining("row 0, feature 'ease' is Infinity");
    }

    @Test
    void refusesALabelOtherThanZeroOrOne() {
        assertThatThrownBy(() ->
                        new RankingSamples(NAMES, new float[][] {{1, 2}, {3, 4}}, new float[] {1, 2}, new int[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label of row 1 is 2.0; labels must be 0 or 1");
        assertThatThrownBy(
                        () -> new RankingSamples(NAMES, new float[][] {{1, 2}}, new float[] {Float.NaN}, new int[] {1}))
                .hasMessageContaining("label of row 0 is NaN");
    }

    @Test
    void refusesLabelsOrGroupsOfAnotherLength() {
        assertThatThrownBy(() ->
                        new RankingSamples(NAMES, new float[][] {{1, 2}, {3, 4}}, new float[] {1}, new int[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("features has 2 rows but labels has 1 and groups 2; all three need one entry per row");
        assertThatThrownBy(() -> new RankingSamples(
                        NAMES, new float[][] {{1, 2}, {3, 4}}, new float[] {1, 0}, new int[] {1, 1, 1}))
                .hasMessageContaining("groups 3");
    }

    @Test
    void refusesMissingDuplicateOrBlankFeatureNames() {
        float[][] row = {{1, 2}};
        assertThatThrownBy(() -> new RankingSamples(new String[0], new float[][] {{}}, new float[] {1}, new int[] {1}))
                .hasMessage("featureNames must name at least one feature");
        assertThatThrownBy(() -> new RankingSamples(new String[] {"ease", "ease"}, row, new float[] {1}, new int[] {1}))
                .hasMessage("feature name 'ease' appears twice");
        assertThatThrownBy(() -> new RankingSamples(new String[] {"ease", " "}, row, new float[] {1}, new int[] {1}))
                .hasMessage("feature name 1 is blank");
    }

    @Test
    void refusesNoRows() {
        assertThatThrownBy(() -> new RankingSamples(NAMES, new float[0][], new float[0], new int[0]))
                .hasMessageContaining("no rows");
    }

    @Test
    void trainingNeedsTwoUsersAndAPositiveAmongTheValidationUsers() {
        TopKRankerTrainer trainer = new TopKRankerTrainer();
        RankingSamples oneUser =
                new RankingSamples(NAMES, new float[][] {{1, 2}, {3, 4}}, new float[] {1, 0}, new int[] {1, 1});
        assertThatThrownBy(() -> trainer.train(oneUser, TopKRankerParams.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 users");
        RankingSamples noPositives = new RankingSamples(
                NAMES, new float[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}}, new float[] {0, 0, 0, 0}, new int[] {1, 1, 2, 2
                });
        assertThatThrownBy(() -> trainer.train(noPositives, TopKRankerParams.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("all negative");
    }
}
