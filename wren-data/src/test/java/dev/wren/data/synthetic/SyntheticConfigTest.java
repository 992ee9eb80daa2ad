package dev.wren.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SyntheticConfigTest {
    @Test
    void defaultsDescribeAMidSizedDataSet() {
        SyntheticConfig config = SyntheticConfig.defaults();

        assertThat(config.users()).isEqualTo(5_000);
        assertThat(config.movies()).isEqualTo(1_000);
        assertThat(config.ratings()).isEqualTo(300_000);
        assertThat(config.startYear()).isEqualTo(2015);
        assertThat(config.endYear()).isEqualTo(2020);
    }

    @Test
    void withersChangeOnlyTheirFields() {
        SyntheticConfig config =
                SyntheticConfig.defaults().withSeed(9).withSize(10, 20, 200).withTasteDimension(4);

        assertThat(config.seed()).isEqualTo(9);
        assertThat(config.users()).isEqualTo(10);
        assertThat(config.tasteDimension()).isEqualTo(4);
        assertThat(config.noise()).isEqualTo(SyntheticConfig.defaults().noise());
    }

    @Test
    void rejectsTooFewRatingsForTheMinimumPerUserNamingTheNumbers() {
        assertThatThrownBy(() -> SyntheticConfig.defaults().withSize(100, 50, 1_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ratings")
                .hasMessageContaining("100 x 20 = 2000")
                .hasMessageContaining("got 1000");
    }

    @Test
    void rejectsMoreRatingsThanUserMoviePairs() {
        assertThatThrownBy(() -> SyntheticConfig.defaults().withSize(10, 30, 301))
                .hasMessageContaining("at most users x movies = 300");
    }

    @Test
    void rejectsReversedYears() {
        assertThatThrownBy(() -> SyntheticConfig.defaults().withYears(2020, 2015))
                .hasMessageContaining("endYear")
                .hasMessageContaining("2015");
    }

    @Test
    void rejectsATinyTasteDimension() {
        assertThatThrownBy(() -> SyntheticConfig.defaults().withTasteDimension(1))
                .hasMessageContaining("tasteDimension must be in 2..256, got 1");
    }
}
