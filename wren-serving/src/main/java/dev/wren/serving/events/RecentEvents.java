package dev.wren.serving.events;

import dev.wren.core.recommend.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The events received since the server started, by user: the part of a user's history that the ratings file loaded at
 * start-up does not have yet. It outlives feature-snapshot swaps. Thread-safe; each user's list is replaced, never
 * changed, so readers need no lock.
 */
public final class RecentEvents {
    private final Map<Integer, List<Event>> byUser = new ConcurrentHashMap<>();

    public List<Event> of(int userId) {
        return byUser.getOrDefault(userId, List.of());
    }

    /**
     * Appends the event and then runs {@code afterAppend} on the user's new list, both under the user's lock, so that
     * concurrent events of one user are applied one at a time and in order.
     */
    public void append(Event event, UnaryOperator<List<Event>> afterAppend) {
        byUser.compute(event.userId(), (u, old) -> {
            List<Event> list = new ArrayList<>(old == null ? List.of() : old);
            list.add(event);
            List<Event> frozen = List.copyOf(list);
            afterAppend.apply(frozen);
            return frozen;
        });
    }

    public boolean knows(int userId) {
        return byUser.containsKey(userId);
    }
}
