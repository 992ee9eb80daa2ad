package dev.wren.model.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {
    private final ModelCatalog catalog = new ModelCatalog(List.of(new Cross("userGenre", "itemGenre")));

    @Test
    void listsEveryModelUnderItsStableName() {
        assertThat(catalog.names())
                .containsExactly(
                        "logistic-regression",
                        "embedding-mlp",
                        "wide-deep",
                        "deepfm",
                        "neural-cf",
                        "deep-cross",
                        "pnn",
                        "din",
                        "dien",
                        "two-tower");
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> catalog.byName("xgboost"))
                .hasMessageContaining("unknown model 'xgboost'")
                .hasMessageContaining("deepfm");
    }

    @Test
    void everySpecSurvivesAJsonRoundTrip() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (ModelSpec spec : catalog.all()) {
            String json = mapper.writeValueAsString(spec);
            assertThat(json).contains("\"model\":\"" + spec.name() + "\"");
            assertThat(mapper.readValue(json, ModelSpec.class)).isEqualTo(spec);
        }
    }

    @Test
    void badSizesAreRejectedWithTheirName() {
        assertThatThrownBy(() -> new ModelSpec.EmbeddingMlpSpec(0, List.of(8), 0f))
                .hasMessageContaining("embeddingDim must be positive, got 0");
        assertThatThrownBy(() -> new ModelSpec.DeepFmSpec(4, List.of(8), 1.5f))
                .hasMessageContaining("dropout must be in [0, 1), got 1.5");
    }
}
