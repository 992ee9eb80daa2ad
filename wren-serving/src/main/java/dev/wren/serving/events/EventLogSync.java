package dev.wren.serving.events;

import java.util.Locale;

/**
 * When {@link JsonLinesEventLog} forces its lines to the disk ({@code fsync}), as Redis's {@code appendfsync}: what a
 * {@code 200} for an event promises beyond "the operating system has the line". Details in EVENT_LOG.md.
 */
public enum EventLogSync {
    /** Before the {@code 200}: concurrent requests share one {@code fsync} (group commit); a power loss loses nothing acknowledged. */
    ALWAYS,
    /** About once a second, in the background: a power loss can lose the last second's acknowledged events. */
    EVERYSEC,
    /** Never explicitly (the operating system writes back when it likes): a power loss can lose more. */
    NONE;

    /** The option's spelling: {@code always}, {@code everysec}, {@code none}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads {@code always}, {@code everysec} or {@code none}.
     *
     * @throws IllegalArgumentException for anything else, naming the choices
     */
    public static EventLogSync parse(String text) {
        for (EventLogSync s : values()) {
            if (s.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("the event log sync policy is always, everysec or none, got '" + text + "'");
    }
}
