package dev.wren.stream.events;

/**
 * An event that arrived after the watermark had passed its time, so it was not applied.
 *
 * @param event the event
 * @param watermark the watermark when it arrived, milliseconds since the epoch
 */
public record LateEvent(LogEvent event, long watermark) {}
