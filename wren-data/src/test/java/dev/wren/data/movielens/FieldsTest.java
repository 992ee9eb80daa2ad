package dev.wren.data.movielens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FieldsTest {
    private static int split(Fields fields, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return fields.split(bytes, bytes.length);
    }

    @Test
    void parsesNumbersStraightFromBytes() {
        Fields f = Fields.csv();
        assertThat(split(f, "12,-3,4.5,1445714994,5,0.25,1e1")).isEqualTo(7);
        assertThat(f.parseInt(0, "a")).isEqualTo(12);
        assertThat(f.parseInt(1, "a")).isEqualTo(-3);
        assertThat(f.parseFloat(2, "r")).isEqualTo(4.5f);
        assertThat(f.parseLong(3, "t")).isEqualTo(1445714994L);
        assertThat(f.parseFloat(4, "r")).isEqualTo(5f);
        assertThat(f.parseFloat(5, "r")).isEqualTo(0.25f);
        assertThat(f.parseFloat(6, "r")).isEqualTo(10f);
    }

    @Test
    void rejectsEmptyAndNonNumericFields() {
        Fields f = Fields.csv();
        split(f, ",1x,NaN,99999999999");
        assertThatThrownBy(() -> f.parseInt(0, "userId")).hasMessage("userId '' is not a number");
        assertThatThrownBy(() -> f.parseInt(1, "userId")).hasMessage("userId '1x' is not a number");
        assertThatThrownBy(() -> f.parseFloat(2, "rating")).hasMessage("rating 'NaN' is not a number");
        assertThatThrownBy(() -> f.parseInt(3, "userId")).hasMessage("userId '99999999999' is out of range");
    }

    @Test
    void unquotesCsvFieldsThroughCommonsCsv() {
        Fields f = Fields.csv();
        assertThat(split(f, "1,\"Hello, \"\"world\"\"\",3")).isEqualTo(3);
        assertThat(f.string(1)).isEqualTo("Hello, \"world\"");
        assertThat(f.parseInt(2, "n")).isEqualTo(3);
    }

    @Test
    void splitsOnDoubleColonsButNotSingleOnes() {
        Fields f = Fields.doubleColon(StandardCharsets.ISO_8859_1);
        assertThat(split(f, "1::Star Wars: Episode IV (1977)::Sci-Fi")).isEqualTo(3);
        assertThat(f.string(1)).isEqualTo("Star Wars: Episode IV (1977)");
    }
}
