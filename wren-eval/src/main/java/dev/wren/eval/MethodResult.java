package dev.wren.eval;

import dev.wren.core.eval.TopKResult;
import java.util.Map;

/**
 * One method's test scores.
 *
 * @param name the method
 * @param kind {@code pipeline} or {@code baseline}
 * @param setting the parameters it ran with (chosen on validation where it has any)
 * @param results the scores by cut-off
 * @param seconds how long fitting and recommending took
 */
public record MethodResult(String name, String kind, String setting, Map<Integer, TopKResult> results, double seconds) {
    public double ndcg10() {
        return results.get(10).ndcg();
    }
}
