package dev.wren.core.recommend;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One request as the stages see it: what was asked, the {@link UserView} of its user, and whether the answer is
 * degraded. Built once per request and handed to every stage, so that nothing about the user is read twice and a
 * degradation (a store read that failed) is marked on this request alone, never on another served at the same time.
 * Thread-safe: the view is immutable and the degraded mark is atomic, so stages may run on several threads.
 *
 * @param <U> the kind of user view: a pipeline with richer per-user data (scores computed once per request, say) uses
 *     its own view, and its stages read it without casts
 */
public final class RequestContext<U extends UserView> {
    private final RecommendRequest request;
    private final U user;
    /** The first reason given; later ones add nothing a client could act on. */
    private final AtomicReference<String> degraded = new AtomicReference<>();

    /** @throws IllegalArgumentException when the view is of another user than the request's */
    public RequestContext(RecommendRequest request, U user) {
        this.request = Objects.requireNonNull(request, "request");
        this.user = Objects.requireNonNull(user, "user");
        if (request.userId() != user.userId()) {
            throw new IllegalArgumentException(
                    "the request is for user " + request.userId() + " but the view of user " + user.userId());
        }
    }

    /** A context for a user the system has never seen. */
    public static RequestContext<UserSnapshot> unknownUser(RecommendRequest request) {
        return new RequestContext<>(request, UserSnapshot.unknown(request.userId()));
    }

    public RecommendRequest request() {
        return request;
    }

    public U user() {
        return user;
    }

    /**
     * Marks this request's answer as degraded: a stage could not read what it needed (its store read failed) and
     * answered without it. The first reason marked is kept.
     */
    public void markDegraded(String reason) {
        degraded.compareAndSet(null, Objects.requireNonNull(reason, "reason"));
    }

    /** Why this request's answer is degraded, when a stage marked it. */
    public Optional<String> degraded() {
        return Optional.ofNullable(degraded.get());
    }
}
