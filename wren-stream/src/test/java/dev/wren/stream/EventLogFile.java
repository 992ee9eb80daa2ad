package dev.wren.stream;

import dev.wren.core.recommend.Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Writes event log lines in serving's format (wren-serving's EVENT_LOG.md), for the stream tests. */
final class EventLogFile {
    /** The log's events start here, seconds since the epoch. */
    static final long START = 1_764_140_000L;

    private EventLogFile() {}

    /**
     * When serving logged an event, milliseconds since the epoch, the same for equal events: mostly within the second
     * of its timestamp, so that the events of one second happen in an order of their own (not by item); one in eight a
     * second or more later, as for a timestamp the client gave.
     */
    static long loggedAt(Event e) {
        int h = Math.floorMod(
                31 * (31 * (31 * e.userId() + e.itemId()) + e.type().ordinal()) + Double.hashCode(e.value()), 8_000);
        return e.timestamp() * 1000 + (h < 7_000 ? h % 1000 : 1000 + h % 1000);
    }

    /** The event's time in the job: {@link #loggedAt} when that is in the second of its timestamp, else the second. */
    static long millis(Event e) {
        long at = loggedAt(e);
        return Math.floorDiv(at, 1000) == e.timestamp() ? at : e.timestamp() * 1000;
    }

    static String line(Event e) {
        return line(e, loggedAt(e));
    }

    static String line(Event e, long loggedAt) {
        return String.format(
                Locale.ROOT,
                "{\"kind\":\"event\",\"schemaVersion\":1,\"loggedAt\":%d,\"type\":\"%s\",\"userId\":%d,"
                        + "\"itemId\":%d,\"value\":%s,\"timestamp\":%d}",
                loggedAt,
                e.type().name().toLowerCase(Locale.ROOT),
                e.userId(),
                e.itemId(),
                e.value(),
                e.timestamp());
    }

    /** The same event as a record written before the format had a version field. */
    static String unversionedLine(Event e) {
        return line(e).replace("\"schemaVersion\":1,", "");
    }

    static String exposure(int userId, long timestamp) {
        return "{\"kind\":\"exposure\",\"schemaVersion\":1,\"loggedAt\":" + timestamp * 1000
                + ",\"userId\":" + userId + ",\"variant\":\"default\",\"experiments\":{},\"ranker\":\"cf\","
                + "\"reranker\":\"mmr\",\"state\":\"state-1\",\"items\":[3,1,2]}";
    }

    /**
     * A list shown to a user.
     *
     * @param loggedAt when serving logged it, milliseconds since the epoch
     * @param items the items, in the order shown
     */
    record Shown(int userId, long loggedAt, List<Integer> items) {
        String line() {
            return "{\"kind\":\"exposure\",\"schemaVersion\":1,\"loggedAt\":" + loggedAt + ",\"userId\":" + userId
                    + ",\"variant\":\"default\",\"experiments\":{},\"ranker\":\"cf\",\"reranker\":\"mmr\","
                    + "\"state\":\"state-1\",\"items\":" + items.toString().replace(" ", "") + "}";
        }
    }

    /**
     * A log of {@code events} with, before about a third of them, a list shown to the same user 1.7 s earlier that
     * holds the event's item (so that clicks and ratings label exposures) and two random items; the lists shown are
     * added to {@code shown}.
     */
    static List<String> withExposures(List<Event> events, long seed, List<Shown> shown) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (Event e : events) {
            if (random.nextInt(3) == 0) {
                List<Integer> items = new ArrayList<>(
                        List.of(1 + random.nextInt(TinyMovieLens.MOVIES), 1 + random.nextInt(TinyMovieLens.MOVIES)));
                items.add(random.nextInt(3), e.itemId());
                Shown s = new Shown(e.userId(), e.timestamp() * 1000 - 1700, items);
                shown.add(s);
                lines.add(s.line());
            }
            lines.add(line(e));
        }
        return lines;
    }

    static void write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static void append(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Events of {@code users} users (ids 1.., so some have dataset ratings and some are new) over about {@code
     * seconds}: ratings and clicks, often several in one second, and shuffled by up to {@code jitter} seconds against
     * their neighbours, which is within the job's out-of-orderness when the jitter is smaller.
     */
    static List<Event> events(long seed, int count, int users, long seconds, int jitter) {
        Random random = new Random(seed);
        List<Event> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long ts = START + (long) i * seconds / count + (jitter == 0 ? 0 : random.nextInt(jitter + 1));
            int user = 1 + random.nextInt(users);
            int item = 1 + random.nextInt(TinyMovieLens.MOVIES);
            out.add(
                    random.nextInt(4) == 0
                            ? new Event(user, item, Event.Type.CLICK, 1.0, ts)
                            : new Event(user, item, Event.Type.RATING, 0.5 + random.nextInt(10) * 0.5, ts));
        }
        return out;
    }
}
