package dev.wren.stream.items;

/**
 * What an item's window counts: its events (ratings and clicks, the trend), its exposures and its clicks (the CTR).
 *
 * @param events ratings and clicks
 * @param exposures times the item was shown
 * @param clicks clicks
 */
public record ItemCounts(long events, long exposures, long clicks) {
    public static final ItemCounts ZERO = new ItemCounts(0, 0, 0);

    public ItemCounts plus(ItemCounts o) {
        return new ItemCounts(events + o.events, exposures + o.exposures, clicks + o.clicks);
    }
}
