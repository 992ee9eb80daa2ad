package dev.wren.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureCodecTest {

    @Test
    void everyValueTypeRoundTrips() {
        List<FeatureValue> values = List.of(
                new FeatureValue.Num(3.25),
                new FeatureValue.Text("Comedy é"),
                new FeatureValue.IntList(List.of(1, 2, 300_000)),
                new FeatureValue.TextList(List.of("Drama", "", "Sci-Fi")),
                new FeatureValue.Vector(new float[] {0.5f, -1.25f, 3e-8f}),
                new FeatureValue.FloatList(new float[] {0.25f, -7f}),
                new FeatureValue.FloatList(new float[0]));
        for (FeatureValue value : values) {
            assertThat(FeatureCodec.decode(FeatureCodec.encode(value))).isEqualTo(value);
        }
    }

    @Test
    void vectorsDecodeStraightToFloats() {
        float[] v = {1f, 2f, 3f, 4f};
        assertThat(FeatureCodec.decodeVector(FeatureCodec.encode(new FeatureValue.Vector(v))))
                .containsExactly(v);
        assertThat(FeatureCodec.encode(new FeatureValue.Vector(new float[32]))).hasSize(133);
    }

    @Test
    void corruptBytesAreRefusedWithAStoreError() {
        byte[] truncated = FeatureCodec.encode(new FeatureValue.IntList(List.of(1, 2, 3)));
        byte[] cut = java.util.Arrays.copyOf(truncated, truncated.length - 2);
        assertThatThrownBy(() -> FeatureCodec.decode(cut)).isInstanceOf(FeatureStoreException.class);
        assertThatThrownBy(() -> FeatureCodec.decode(new byte[] {9})).isInstanceOf(FeatureStoreException.class);
    }

    @Test
    void schemaRefusesUnknownFeaturesAndWrongDimensions() {
        FeatureSchema schema = FeatureSchema.standard(4);
        Features unknown = Features.builder().number("noSuchFeature", 1).build();
        assertThatThrownBy(() -> schema.validate(EntityKind.USER, 7, unknown))
                .isInstanceOf(InvalidFeatureException.class)
                .hasMessageContaining("noSuchFeature");
        Features wrongDim =
                Features.builder().vector(FeatureSchema.EMBEDDING, new float[3]).build();
        assertThatThrownBy(() -> schema.validate(EntityKind.ITEM, 7, wrongDim))
                .isInstanceOf(InvalidFeatureException.class)
                .hasMessageContaining("dimension 4, got 3");
        Features wrongType =
                Features.builder().text(FeatureSchema.RATING_AVG, "high").build();
        assertThatThrownBy(() -> schema.validate(EntityKind.ITEM, 7, wrongType))
                .isInstanceOf(InvalidFeatureException.class)
                .hasMessageContaining("NUMBER");
    }
}
