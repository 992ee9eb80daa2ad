package dev.wren.model.data;

import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Where training and evaluation read samples from, one batch at a time, so that no pass ever holds the whole data
 * set as one tensor. Each call starts a fresh pass; close the stream to release files.
 */
public interface SampleSource {
    FeatureLayout layout();

    /** Number of samples in one pass. */
    long size();

    /**
     * One pass over the samples in batches of at most {@code batchSize}.
     *
     * @param shuffleSeed shuffle with this seed, or keep the source's order when empty
     */
    Stream<SampleBatch> batches(int batchSize, OptionalLong shuffleSeed);
}
