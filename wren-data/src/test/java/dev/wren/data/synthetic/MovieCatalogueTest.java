package dev.wren.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MovieCatalogueTest {
    @Test
    void drawsMoviesInProportionToPopularity() {
        MovieCatalogue movies = new MovieCatalogue(
                SyntheticConfig.defaults().withSize(10, 50, 500).withMinRatingsPerUser(5), TasteModel.standard());
        double total = movies.cumulativePopularity[movies.size - 1];
        int draws = 500_000;
        int[] counts = new int[movies.size];
        Random random = new Random(11);
        for (int i = 0; i < draws; i++) {
            counts[movies.drawByPopularity(random)]++;
        }

        for (int m = 0; m < movies.size; m++) {
            assertThat((double) counts[m] / draws)
                    .as("movie %d", m)
                    .isCloseTo(movies.popularity[m] / total, within(0.004));
        }
    }
}
