package dev.wren.serving.events;

/**
 * A record could not be made durable by the {@link EventLog}: the disk or the broker did not take it in time. The
 * message is safe to show a client (it names no host or file).
 */
public final class EventLogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EventLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
