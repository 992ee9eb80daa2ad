package dev.wren.offline;

/** The input is missing or malformed: the message names the file and the offending record. */
public final class OfflineInputException extends RuntimeException {
    public OfflineInputException(String message) {
        super(message);
    }
}
