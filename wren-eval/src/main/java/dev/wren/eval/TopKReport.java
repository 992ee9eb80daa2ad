package dev.wren.eval;

import dev.wren.eval.baseline.Baselines;
import dev.wren.eval.pipeline.PipelineTuning;
import dev.wren.eval.pipeline.StageBreakdown;
import java.util.List;
import java.util.Optional;

/**
 * Everything one evaluation measured, for the Markdown report and for scripts (as JSON).
 *
 * @param dataset the folder evaluated
 * @param split how it was split
 * @param users users in the data; testUsers those scored
 * @param items catalogue size
 * @param trainRatings training ratings
 * @param testRatings held-out ratings
 * @param methods every method's test scores, the pipeline first
 * @param tuning every baseline setting tried on validation
 * @param pipelineTuning every pipeline setting tried on validation
 * @param stages the pipeline's per-stage breakdown on the test users
 */
public record TopKReport(
        String dataset,
        String split,
        int users,
        int testUsers,
        int items,
        int trainRatings,
        int testRatings,
        List<MethodResult> methods,
        List<Baselines.Trial> tuning,
        List<PipelineTuning.Trial> pipelineTuning,
        Optional<StageBreakdown.Result> stages) {}
