package dev.wren.model.learn;

/**
 * Where a bundle published by online learning comes from ({@value #FILE} in its version folder, also its {@code
 * metrics} in {@code bundle.json}).
 *
 * @param parent the version folder learning started from, e.g. {@code deepfm/v3}
 * @param parentVersion its version number
 * @param samplesSeen samples trained on since {@code parent}, in this run
 * @param samplesSinceOffline samples trained on since the last offline-trained ancestor (the parent's own count plus
 *     this run's)
 * @param throughTs event time (seconds) of the latest sample trained on
 * @param total prequential figures over every sample of this run
 * @param window the publish rule's window
 * @param rule the rule that allowed publishing
 * @param decision the rule's sentence
 * @param createdAt ISO-8601 instant
 */
public record Lineage(
        String parent,
        int parentVersion,
        long samplesSeen,
        long samplesSinceOffline,
        long throughTs,
        Prequential.Summary total,
        Prequential.Summary window,
        PublishRule rule,
        String decision,
        String createdAt) {
    public static final String FILE = "lineage.json";
}
