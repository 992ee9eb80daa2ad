package dev.wren.cli.config;

import dev.wren.model.learn.OnlineLearner;
import dev.wren.model.learn.PublishRule;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code learn} section: online updates of a served model ({@code wren learn}).
 *
 * @param chunk samples per prequential step
 * @param batchSize samples per update step within a chunk
 * @param rateShare the online learning rate as a share of the model's own
 * @param learningRate the online learning rate itself; empty for {@code rateShare} times the model's own
 * @param publishEvery minutes (wall clock) between publish decisions
 * @param publishSamples also decide after every this many samples; 0 is off
 * @param window the latest prequential samples the publish rule judges
 * @param minWindow the fewest samples in the window to publish at all
 * @param tolerance the AUC the updated model may trail the frozen one by
 * @param poll seconds between looks for new sample files when following
 * @param seed the seed of the updates
 * @param replayShare earlier samples replayed beside each fresh one; 0 is none
 * @param replayCapacity the most earlier samples kept to replay from
 */
public record LearnSection(
        int chunk,
        int batchSize,
        float rateShare,
        Optional<Float> learningRate,
        double publishEvery,
        long publishSamples,
        int window,
        int minWindow,
        double tolerance,
        int poll,
        long seed,
        double replayShare,
        int replayCapacity) {
    public LearnSection {
        Objects.requireNonNull(learningRate, "learn.learning-rate");
    }

    /** What each update replays beside the fresh samples. */
    public OnlineLearner.Replay replay() {
        return new OnlineLearner.Replay(replayShare, replayCapacity);
    }

    /** When an updated model is published. */
    public PublishRule rule() {
        return new PublishRule(window, minWindow, tolerance);
    }
}
