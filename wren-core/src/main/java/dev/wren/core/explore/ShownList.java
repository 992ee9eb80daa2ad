package dev.wren.core.explore;

import java.util.List;

/**
 * A list as a policy shows it, in order: {@code items.get(i).position() == i}.
 *
 * @param policy the policy's name, as logged in the exposure's {@code policy} field
 * @param items what is shown, top first
 */
public record ShownList(String policy, List<ShownItem> items) {
    public ShownList {
        items = List.copyOf(items);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).position() != i) {
                throw new IllegalArgumentException("item " + items.get(i).itemId() + " is at index " + i
                        + " but says position " + items.get(i).position());
            }
        }
    }

    /** The item ids in order (the exposure's {@code items}). */
    public List<Integer> itemIds() {
        return items.stream().map(ShownItem::itemId).toList();
    }

    /** The propensities in order (the exposure's {@code propensities}, parallel to {@code items}). */
    public List<Double> propensities() {
        return items.stream().map(ShownItem::propensity).toList();
    }

    public int size() {
        return items.size();
    }
}
