package dev.wren.core.store;

/** What a feature row describes. The short code is part of every store key. */
public enum EntityKind {
    USER("u"),
    ITEM("i");

    private final String code;

    EntityKind(String code) {
        this.code = code;
    }

    /** The one-letter code used in store keys. */
    public String code() {
        return code;
    }
}
