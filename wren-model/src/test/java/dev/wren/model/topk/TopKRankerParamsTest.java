package dev.wren.model.topk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopKRankerParamsTest {
    private static final TopKRankerParams D = TopKRankerParams.defaults();

    @Test
    void defaultsAreASmallMlpWithEarlyStoppingOnATenthOfTheUsers() {
        assertThat(D.hidden()).containsExactly(32, 16);
        assertThat(D.epochs()).isEqualTo(30);
        assertThat(D.batchSize()).isEqualTo(512);
        assertThat(D.patience()).isEqualTo(3);
        assertThat(D.validationShare()).isEqualTo(0.1f);
        assertThat(D.seed()).isEqualTo(42);
    }

    @Test
    void anEmptyHiddenListMeansALinearModel() {
        assertThat(D.withHidden(List.of()).hidden()).isEmpty();
    }

    @Test
    void refusesArgumentsThatCannotTrain() {
        assertThatThrownBy(() -> D.withHidden(List.of(8, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hidden layer 1 must have a positive width, got 0");
        assertThatThrownBy(() -> D.withHidden(Arrays.asList(8, null))).hasMessageContaining("got null");
        assertThatThrownBy(() -> D.withHidden(null)).hasMessageContaining("hidden must not be null");
        assertThatThrownBy(() -> D.withLearningRate(0)).hasMessage("learningRate must be positive and finite, got 0.0");
        assertThatThrownBy(() -> D.withLearningRate(Float.NaN)).hasMessageContaining("got NaN");
        assertThatThrownBy(() -> D.withEpochs(0, 3)).hasMessage("epochs must be at least 1, got 0");
        assertThatThrownBy(() -> D.withEpochs(3, 0)).hasMessage("patience must be at least 1, got 0");
        assertThatThrownBy(() -> D.withBatchSize(0)).hasMessage("batchSize must be at least 1, got 0");
        assertThatThrownBy(() -> new TopKRankerParams(List.of(8), 1e-3f, 1, 1, 1, 1f, 1))
                .hasMessage("validationShare must be strictly between 0 and 1, got 1.0");
        assertThatThrownBy(() -> new TopKRankerParams(List.of(8), 1e-3f, 1, 1, 1, 0f, 1))
                .hasMessageContaining("got 0.0");
    }
}
