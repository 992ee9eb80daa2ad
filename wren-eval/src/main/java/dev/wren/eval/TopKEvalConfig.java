package dev.wren.eval;

import dev.wren.eval.baseline.TuningGrid;
import dev.wren.eval.pipeline.PipelineOptions;
import dev.wren.eval.split.SplitSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One top-K evaluation.
 *
 * @param data a MovieLens folder
 * @param split how it is split into training and test ratings
 * @param ks the cut-offs, e.g. 10, 20, 50
 * @param work a folder for the pipeline's intermediate outputs (data, offline outputs, store, models)
 * @param baselines whether to run the baselines (popularity, ItemKNN, EASE, ALS)
 * @param pipeline how the pipeline is built; empty to evaluate the baselines only
 * @param channelDepth how many candidates each recall channel is asked for alone, in the per-stage breakdown
 * @param grid the collaborative filters' settings tried on validation
 * @param otherRankers rankers also evaluated in the same pipeline on the same test users (e.g. {@code model}, the best
 *     trained bundle, or {@code blend}), each in place of the chosen one
 */
public record TopKEvalConfig(
        Path data,
        SplitSpec split,
        int[] ks,
        Path work,
        boolean baselines,
        Optional<PipelineOptions> pipeline,
        int channelDepth,
        TuningGrid grid,
        List<String> otherRankers) {
    public TopKEvalConfig {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(grid, "grid");
        otherRankers = List.copyOf(otherRankers);
        ks = ks.clone();
        Arrays.sort(ks);
        if (ks.length == 0 || ks[0] < 1) {
            throw new IllegalArgumentException("cut-offs must be at least 1: " + Arrays.toString(ks));
        }
        if (Arrays.stream(ks).noneMatch(k -> k == 10)) {
            throw new IllegalArgumentException("the cut-offs must include 10: tuning and the report compare NDCG@10");
        }
        if (channelDepth < 1) {
            throw new IllegalArgumentException("channelDepth must be positive, got " + channelDepth);
        }
    }
}
