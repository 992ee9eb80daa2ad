package dev.wren.serving.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wren.serving.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {
    // Item 30 is rated by three users, 20 by two, 10 by one; 20 has the best ratings.
    private final Catalog catalog = Fixtures.catalog(
            Fixtures.ratings(new double[][] {
                {1, 30, 2}, {2, 30, 2}, {3, 30, 2}, {1, 20, 5}, {2, 20, 5}, {1, 10, 3},
            }),
            Fixtures.item(10, 1990, "Drama"),
            Fixtures.item(20, 1995, "Drama"),
            Fixtures.item(30, 2000, "Drama", "Comedy"));

    @Test
    void listsTheMostRatedItemsFirstNotTheSmallestIds() {
        assertEquals(List.of(30, 20, 10), catalog.byPopularity());
    }

    @Test
    void listsEachGenreByBayesianRatingNotBySmallestIds() {
        assertEquals(List.of(20, 10, 30), catalog.topRated("Drama"));
    }

    @Test
    void listsGenresByNameWhateverTheHashOrder() {
        assertEquals(List.of("Comedy", "Drama"), catalog.genres());
    }

    @Test
    void looksItemsUpByIdAndReportsUnknownOnes() {
        assertEquals(true, catalog.contains(20));
        assertEquals(false, catalog.contains(25));
        assertEquals(false, catalog.contains(-1));
        assertEquals(2, catalog.stats(20).count());
        assertEquals(0, catalog.stats(25).count());
    }

    @Test
    void looksUpSparseIdsThroughTheFallbackMap() {
        IdSlots slots = new IdSlots(new int[] {7, 2_000_000_000, -5});
        assertEquals(0, slots.slot(7));
        assertEquals(1, slots.slot(2_000_000_000));
        assertEquals(2, slots.slot(-5));
        assertEquals(IdSlots.NONE, slots.slot(8));
    }
}
