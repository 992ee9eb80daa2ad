package dev.wren.core.model;

import java.util.Objects;

/** A free-text tag a user put on an item, at a time in seconds since the Unix epoch. */
public record Tag(int userId, int itemId, String tag, long timestamp) {
    public Tag {
        Objects.requireNonNull(tag, "tag");
    }
}
