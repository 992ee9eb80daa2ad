package dev.wren.core.model;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An item in the catalogue (a movie, in the demo domain).
 *
 * @param id the dataset's item id
 * @param title the title without the release year
 * @param year the release year, when the dataset gives one
 * @param genres the genres, in the dataset's order; empty when none are listed
 */
public record Item(int id, String title, OptionalInt year, List<String> genres) {
    public Item {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(year, "year");
        genres = List.copyOf(genres);
    }
}
