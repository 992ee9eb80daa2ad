package dev.wren.data.stats;

import java.util.Objects;

/**
 * A much-rated movie.
 *
 * @param id the movie id
 * @param title the title without year
 * @param ratings how many ratings it has
 */
public record TopItem(int id, String title, long ratings) {
    public TopItem {
        Objects.requireNonNull(title, "title");
    }
}
