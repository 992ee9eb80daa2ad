package dev.wren.eval.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * One slot of a logged list as offline policy evaluation sees it: the context (user, position), the action (item), the
 * logging policy's propensity and the reward (1 for a click, 0 otherwise, or any other reward).
 */
public record LoggedDecision(int userId, int position, int itemId, double propensity, double reward) {
    public LoggedDecision {
        if (!(propensity > 0 && propensity <= 1)) {
            throw new IllegalArgumentException("propensity must be in (0, 1], got " + propensity);
        }
    }

    /**
     * Every slot of every exposure that carries propensities, rewarded 1 when clicked; exposures without propensities
     * are left out (their logger is unknown).
     */
    public static List<LoggedDecision> fromExposures(List<AttributedExposure> exposures) {
        List<LoggedDecision> out = new ArrayList<>();
        for (AttributedExposure a : exposures) {
            ExposureRecord x = a.exposure();
            if (x.propensities().isEmpty()) {
                continue;
            }
            for (int p = 0; p < x.items().size(); p++) {
                int item = x.items().get(p);
                out.add(new LoggedDecision(
                        x.userId(),
                        p,
                        item,
                        x.propensities().get().get(p),
                        a.clicked().contains(item) ? 1 : 0));
            }
        }
        return out;
    }
}
