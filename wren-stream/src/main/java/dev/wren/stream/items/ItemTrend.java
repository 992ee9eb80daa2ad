package dev.wren.stream.items;

/**
 * An item's counts in one sliding window.
 *
 * @param itemId the item
 * @param windowEnd the end of the window (exclusive), milliseconds since the epoch
 * @param counts the item's events, exposures and clicks in the window
 */
public record ItemTrend(int itemId, long windowEnd, ItemCounts counts) {}
