package dev.wren.serving.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wren.core.features.Interaction;
import dev.wren.core.features.UserRows;
import dev.wren.core.recommend.Event;
import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.Features;
import dev.wren.serving.PipelineSettings;
import dev.wren.serving.data.UserRatings;
import dev.wren.serving.errors.BadRequestException;
import dev.wren.serving.errors.NotFoundException;
import dev.wren.serving.errors.UnavailableException;
import dev.wren.serving.pipeline.ServingState;
import dev.wren.serving.pipeline.UserFeatureRows;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real-time first tier: validates an event, appends it to the event log (durable before returning), and updates
 * the user's serving features in the store at once, recomputed from the ratings file and every event since start-up by
 * wren-core's {@link UserRows}, as the near-line stream job computes them: rating statistics, recent positives, genre taste and the
 * user embedding. The next request of that user sees them. Thread-safe; one user's events are applied one at a time.
 */
public final class RealtimeUpdater {
    private static final Logger log = LoggerFactory.getLogger(RealtimeUpdater.class);
    private final Supplier<ServingState> state;
    private final RecentEvents recent;
    private final EventLog eventLog;
    private final FeatureStore store;
    private final PipelineSettings settings;
    private final int dimension;

    public RealtimeUpdater(
            Supplier<ServingState> state,
            RecentEvents recent,
            EventLog eventLog,
            FeatureStore store,
            PipelineSettings settings,
            int dimension) {
        this.state = state;
        this.recent = recent;
        this.eventLog = eventLog;
        this.store = store;
        this.settings = settings;
        this.dimension = dimension;
    }

    /**
     * Applies one event.
     *
     * @throws BadRequestException for a rating outside 0.5..5 or a negative user id
     * @throws NotFoundException for an unknown item
     * @throws UnavailableException when the store has no live version to update, or the event log cannot take the event
     */
    public void accept(Event event) {
        if (event.userId() < 0) {
            throw new BadRequestException("userId must not be negative, got " + event.userId());
        }
        if (event.type() == Event.Type.RATING && (event.value() < 0.5 || event.value() > 5)) {
            throw new BadRequestException("a rating must be between 0.5 and 5, got " + event.value());
        }
        ServingState s = state.get();
        if (!s.data().catalog().contains(event.itemId())) {
            throw new NotFoundException("no movie with id " + event.itemId());
        }
        if (store.liveVersion().isEmpty()) {
            throw new UnavailableException("the feature store has no live version yet");
        }
        recent.append(event, events -> {
            ObjectNode record = eventLog.record(EventLog.EVENT);
            record.put("type", event.type().name().toLowerCase());
            record.put("userId", event.userId());
            record.put("itemId", event.itemId());
            record.put("value", event.value());
            record.put("timestamp", event.timestamp());
            try {
                eventLog.append(record);
            } catch (EventLogException e) {
                // Not accepted unless durable: the client may retry, and nothing was applied.
                log.warn(
                        "Event of user {} refused: {} ({})",
                        event.userId(),
                        e.getMessage(),
                        String.valueOf(e.getCause()));
                throw new UnavailableException(e.getMessage());
            }
            updateFeatures(s, event.userId(), events);
            return events;
        });
    }

    /**
     * Re-applies the events of an existing log (from an earlier run) to the recent events and the store, without
     * logging them again, so that a restart keeps what users did. Lines that are not events, name unknown items, or are
     * cut short by a crash are skipped.
     *
     * @return the number of events re-applied
     */
    public int replay(Path file, ObjectMapper json) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        ServingState s = state.get();
        int applied = 0;
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                Event event = parse(line, json);
                if (event == null || !s.data().catalog().contains(event.itemId())) {
                    continue;
                }
                recent.append(event, events -> {
                    updateFeatures(s, event.userId(), events);
                    return events;
                });
                applied++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replay the event log " + file + ": " + e.getMessage(), e);
        }
        return applied;
    }

    private static Event parse(String line, ObjectMapper json) {
        try {
            JsonNode n = json.readTree(line);
            if (n == null
                    || !EventLog.EVENT.equals(n.path("kind").asText())
                    || n.path("schemaVersion").asInt(EventLog.SCHEMA_VERSION) > EventLog.SCHEMA_VERSION) {
                return null; // not an event, or written by a newer server in a format this one does not know
            }
            return new Event(
                    n.path("userId").asInt(),
                    n.path("itemId").asInt(),
                    Event.Type.valueOf(n.path("type").asText().toUpperCase(Locale.ROOT)),
                    n.path("value").asDouble(),
                    n.path("timestamp").asLong());
        } catch (IOException | IllegalArgumentException e) {
            return null; // a line cut short by a crash, or not ours
        }
    }

    private void updateFeatures(ServingState s, int userId, List<Event> events) {
        UserRatings base = s.data().ratings().user(userId).orElse(UserRatings.EMPTY);
        List<Interaction> history =
                UserFeatureRows.history(base, events, s.data().catalog());
        List<Integer> positives = UserRows.positives(history, settings.userFeatures()).stream()
                .map(Interaction::itemId)
                .distinct()
                .toList();
        Map<Integer, float[]> vectors =
                store.getVectors(EntityKind.ITEM, FeatureSchema.EMBEDDING, FeatureStore.ids(positives));
        Features row = UserRows.row(history, settings.userFeatures(), vectors::get, dimension);
        store.update(EntityKind.USER, Map.of(userId, row));
    }
}
