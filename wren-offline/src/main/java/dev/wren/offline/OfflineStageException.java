package dev.wren.offline;

/** A stage of an offline run failed; nothing was published. The message names the stage and the cause. */
public final class OfflineStageException extends RuntimeException {
    private final Stage stage;

    public OfflineStageException(Stage stage, Throwable cause) {
        super("offline stage '" + stage.label() + "' failed: " + describe(cause), cause);
        this.stage = stage;
    }

    public Stage stage() {
        return stage;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
