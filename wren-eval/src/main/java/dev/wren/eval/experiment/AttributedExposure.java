package dev.wren.eval.experiment;

import java.util.Map;
import java.util.Set;

/**
 * An exposure with the events credited to it.
 *
 * @param exposure the list shown
 * @param clicked items of the list that the user clicked within the window
 * @param ratings items of the list that the user rated within the window, with the rating
 */
public record AttributedExposure(ExposureRecord exposure, Set<Integer> clicked, Map<Integer, Double> ratings) {
    public AttributedExposure {
        clicked = Set.copyOf(clicked);
        ratings = Map.copyOf(ratings);
    }

    public int userId() {
        return exposure.userId();
    }
}
