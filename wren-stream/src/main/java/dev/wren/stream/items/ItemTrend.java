package dev.wren.stream.items;

/**
 * An item's event count in one trending window.
 *
 * @param itemId the item
 * @param windowEnd the end of the window (exclusive), milliseconds since the epoch
 * @param count the item's events in the window
 */
public record ItemTrend(int itemId, long windowEnd, long count) {}
