package dev.wren.data.movielens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TitlesTest {
    @Test
    void splitsTheYearOffTheEnd() {
        assertThat(Titles.parse("Toy Story (1995)")).isEqualTo(new Titles.Parsed("Toy Story", OptionalInt.of(1995)));
        assertThat(Titles.parse("Two Friends (1986) "))
                .isEqualTo(new Titles.Parsed("Two Friends", OptionalInt.of(1986)));
        assertThat(Titles.parse("City of Lost Children, The (Cité des enfants perdus, La) (1995)"))
                .isEqualTo(new Titles.Parsed(
                        "City of Lost Children, The (Cité des enfants perdus, La)", OptionalInt.of(1995)));
    }

    @Test
    void keepsTitlesWithoutAYearWhole() {
        assertThat(Titles.parse("Babylon 5")).isEqualTo(new Titles.Parsed("Babylon 5", OptionalInt.empty()));
        assertThat(Titles.parse("1984")).isEqualTo(new Titles.Parsed("1984", OptionalInt.empty()));
        assertThat(Titles.parse("(1995)")).isEqualTo(new Titles.Parsed("(1995)", OptionalInt.empty()));
    }

    @Test
    void takesTheFirstYearOfASeriesRange() {
        assertThat(Titles.parse("Fawlty Towers (1975-1979)"))
                .isEqualTo(new Titles.Parsed("Fawlty Towers", OptionalInt.of(1975)));
        assertThat(Titles.parse("Stranger Things (2016\u2013 )"))
                .isEqualTo(new Titles.Parsed("Stranger Things", OptionalInt.of(2016)));
    }
}
