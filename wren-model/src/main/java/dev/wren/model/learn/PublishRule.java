package dev.wren.model.learn;

/**
 * When an updated model may replace the served one: over the latest {@code window} prequential samples (each scored
 * by both models before the updated one trained on it), the window must hold at least {@code minSamples} samples with
 * both classes, and the updated model's AUC must be at least the frozen model's minus {@code tolerance}. Otherwise the
 * updated model keeps learning but is not published. AUC and not log loss decides, because serving ranks: a model
 * that orders candidates as well is as good there, whatever its calibration.
 *
 * @param window latest prequential samples judged
 * @param minSamples fewest samples in the window to judge at all
 * @param tolerance AUC the updated model may be below the frozen one (0: not worse)
 */
public record PublishRule(int window, int minSamples, double tolerance) {
    public PublishRule {
        if (window < 1 || minSamples < 1 || minSamples > window) {
            throw new IllegalArgumentException(
                    "need 1 <= minSamples <= window, got minSamples " + minSamples + ", window " + window);
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be at least 0, got " + tolerance);
        }
    }

    /** A window of 5,000 samples, at least 500 of them, no tolerance. */
    public static PublishRule defaults() {
        return new PublishRule(5000, 500, 0.0);
    }

    /**
     * A decision and what it was based on.
     *
     * @param publish whether to publish
     * @param window the window's figures
     * @param reason one sentence for the log and the lineage
     */
    public record Decision(boolean publish, Prequential.Summary window, String reason) {}

    /** Judges the latest window of {@code prequential}. */
    public Decision decide(Prequential prequential) {
        Prequential.Summary w = prequential.window(window);
        if (w.samples() < minSamples) {
            return new Decision(
                    false, w, "only " + w.samples() + " prequential samples, fewer than " + minSamples + " to judge");
        }
        if (!w.bothClasses()) {
            return new Decision(false, w, "the window holds one class only: AUC is undefined");
        }
        boolean notWorse = w.liveAuc() >= w.frozenAuc() - tolerance;
        String reason = String.format(
                "updated AUC %.4f %s frozen AUC %.4f%s over the latest %d samples",
                w.liveAuc(),
                notWorse ? ">=" : "<",
                w.frozenAuc(),
                tolerance > 0 ? String.format(" - %.4f", tolerance) : "",
                w.samples());
        return new Decision(notWorse, w, reason);
    }
}
