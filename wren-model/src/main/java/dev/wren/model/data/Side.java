package dev.wren.model.data;

/** Whose feature a field is: it tells serving which part comes with the user and which with each candidate. */
public enum Side {
    USER,
    ITEM
}
