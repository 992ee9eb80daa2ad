package dev.wren.core.recommend;

import java.util.List;

/**
 * A recall channel: proposes candidates for a request. Stateless and thread-safe.
 *
 * @param <U> the user view the channel reads; a channel that needs only {@link UserView} serves any pipeline
 */
@FunctionalInterface
public interface Retriever<U extends UserView> {
    /**
     * Proposes at most {@code budget} candidates, best first.
     *
     * @return the candidates; empty when the channel has nothing for this user (the caller falls back to others)
     */
    List<Candidate> retrieve(RequestContext<? extends U> context, int budget);

    /**
     * Whether the channel has nothing for anyone right now (say, no item trends): the caller then leaves it out and
     * shares its quota among the other channels, so that an idle channel changes nothing. A cheap read.
     */
    default boolean idle() {
        return false;
    }
}
