package dev.wren.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeatureLayoutTest {
    @Test
    void theSameLayoutHasNoDifference() {
        assertThat(PlantedSignal.layout().differenceFrom(PlantedSignal.layout()))
                .isEmpty();
    }

    @Test
    void aDifferentVocabularyIsNamed() {
        FeatureLayout a = PlantedSignal.layout();
        List<CategoricalField> fields = new java.util.ArrayList<>(a.categorical());
        fields.set(2, CategoricalField.of("userGenre", Side.USER, List.of("g0", "g1", "g2", "g3", "g4", "gX")));
        FeatureLayout b = new FeatureLayout(fields, a.numeric(), a.sequence(), a.userIdField(), a.itemIdField());
        assertThat(a.differenceFrom(b)).contains("field 'userGenre' vocabulary values differ");
    }

    @Test
    void aSequenceWithoutAnItemIdFieldIsRejected() {
        assertThatThrownBy(() -> new FeatureLayout(
                        List.of(CategoricalField.ids("u", Side.USER, 3)),
                        List.of(),
                        Optional.of(new SequenceField("recent", 3)),
                        Optional.empty(),
                        Optional.empty()))
                .hasMessageContaining("needs an itemIdField");
    }

    @Test
    void anItemIdFieldOnTheUserSideIsRejected() {
        assertThatThrownBy(() -> new FeatureLayout(
                        List.of(CategoricalField.ids("u", Side.USER, 3)),
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("u")))
                .hasMessageContaining("itemIdField 'u' must be a ITEM field");
    }

    @Test
    void encodingReservesZeroForUnknownAndBlank() {
        CategoricalField genres = CategoricalField.of("g", Side.ITEM, List.of("Action", "Drama"));
        assertThat(genres.encode("Drama")).isEqualTo(2);
        assertThat(genres.encode("Western")).isZero();
        assertThat(genres.encode("")).isZero();
        CategoricalField ids = CategoricalField.ids("id", Side.ITEM, 10);
        assertThat(ids.encode("9")).isEqualTo(9);
        assertThat(ids.encode("10")).isZero();
        assertThatThrownBy(() -> ids.encode("x9")).hasMessageContaining("field 'id': 'x9' is not an integer id");
    }

    @Test
    void survivesAJsonRoundTrip() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new Jdk8Module());
        FeatureLayout layout = PlantedSignal.layout();
        String json = mapper.writeValueAsString(layout);
        assertThat(mapper.readValue(json, FeatureLayout.class)).isEqualTo(layout);
    }

    @Test
    void samplesOutsideTheVocabularyAreRejectedWithFieldAndIndex() {
        Sample bad = new Sample(new int[] {1, 99, 1, 1}, new float[2], new int[4], 1f, 1);
        assertThatThrownBy(() -> new InMemorySampleSource(PlantedSignal.layout(), List.of(bad)))
                .hasMessageContaining("sample 0: field 'item': index 99 outside [0, 49)");
    }
}
