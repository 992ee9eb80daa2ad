package dev.wren.core.model;

import java.util.Objects;
import java.util.Optional;

/** An item's identifiers in other catalogues (IMDb, TMDB). */
public record Link(int itemId, Optional<String> imdbId, Optional<String> tmdbId) {
    public Link {
        Objects.requireNonNull(imdbId, "imdbId");
        Objects.requireNonNull(tmdbId, "tmdbId");
    }
}
