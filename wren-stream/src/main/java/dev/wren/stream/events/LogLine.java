package dev.wren.stream.events;

/**
 * One complete line of the event log, as the sources read it.
 *
 * @param number the line number, from 1, for messages that point at the file
 * @param text the line without its {@code \n}
 */
public record LogLine(long number, String text) {}
