package dev.wren.core.explore;

/**
 * What is known of one item's click-through: its Beta posterior under a uniform prior is
 * Beta(clicks + 1, exposures - clicks + 1).
 */
public record ArmStats(int itemId, long clicks, long exposures) {
    public ArmStats {
        if (clicks < 0 || exposures < clicks) {
            throw new IllegalArgumentException(
                    "item " + itemId + ": need 0 <= clicks <= exposures, got " + clicks + " of " + exposures);
        }
    }
}
