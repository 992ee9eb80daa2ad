package dev.wren.data.movielens;

import dev.wren.core.model.Item;
import dev.wren.core.model.Link;
import dev.wren.core.model.Tag;
import dev.wren.core.model.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a MovieLens folder in any {@link MovieLensLayout}. The movie catalogue is read when the reader opens (ratings
 * are checked against it); users and links on first use; ratings and tags are streamed on every call, one row at a
 * time, so a 25-million-rating file never sits in memory. Bad rows are skipped and counted in {@link #report()}, or
 * stop the read with a {@link BadRecordException} in strict mode.
 *
 * <p>Not thread-safe: use one reader per thread. Each {@code forEach} call opens and closes its own file.
 */
public final class MovieLensReader {
    private static final Logger log = LoggerFactory.getLogger(MovieLensReader.class);

    private final Path dir;
    private final MovieLensLayout layout;
    private final Reports reports = new Reports();
    private final Catalogue catalogue;
    private final Interactions interactions;
    private final Map<Integer, Item> items;
    private List<User> users;
    private List<Link> links;

    private MovieLensReader(Path dir, MovieLensLayout layout, ReadOptions options) {
        this.dir = dir;
        this.layout = layout;
        this.catalogue = new Catalogue(dir, layout, options, reports);
        this.items = Collections.unmodifiableMap(catalogue.items());
        BitSet known = new BitSet();
        items.keySet().forEach(id -> {
            if (id >= 0) {
                known.set(id);
            }
        });
        this.interactions = new Interactions(dir, layout, options, reports, known);
        if (!Files.isRegularFile(dir.resolve(layout.ratingsFile()))) {
            log.info("{} has no {}: reading it as a catalogue with zero ratings", dir, layout.ratingsFile());
        }
    }

    /**
     * Detects the layout of a folder and reads its movie catalogue.
     *
     * @throws IllegalArgumentException when the folder holds no MovieLens layout
     * @throws BadRecordException in strict mode, at the first bad row of the movie file
     * @throws java.io.UncheckedIOException when a file cannot be read
     */
    public static MovieLensReader open(Path dir, ReadOptions options) {
        Objects.requireNonNull(options, "options");
        MovieLensLayout layout = MovieLensLayout.detect(dir);
        log.debug("Reading {} as {}", dir, layout);
        return new MovieLensReader(dir, layout, options);
    }

    /** Opens a folder with {@link ReadOptions#lenient()}. */
    public static MovieLensReader open(Path dir) {
        return open(dir, ReadOptions.lenient());
    }

    public Path dir() {
        return dir;
    }

    public MovieLensLayout layout() {
        return layout;
    }

    /** The movies by id, in file order. */
    public Map<Integer, Item> items() {
        return items;
    }

    /**
     * The users: from the demographics file where the layout has one ({@code users.dat}, {@code u.user}); otherwise the
     * distinct users of the ratings as {@link User#anonymous}, sorted by id, which costs one pass over the ratings.
     */
    public List<User> users() {
        if (users == null) {
            users = layout.usersFile().isPresent() ? catalogue.usersFromFile() : ratingUsers();
        }
        return users;
    }

    private List<User> ratingUsers() {
        BitSet ids = new BitSet();
        forEachRating((user, item, rating, ts) -> {
            if (user >= 0) {
                ids.set(user);
            }
        });
        return ids.stream().mapToObj(User::anonymous).toList();
    }

    /** The links to IMDb and TMDB from {@code links.csv}; empty for layouts without one. */
    public List<Link> links() {
        if (links == null) {
            links = catalogue.links();
        }
        return links;
    }

    /**
     * Streams every valid rating to the visitor, in file order.
     *
     * @return the number of ratings delivered; 0 when the folder has no ratings file
     * @throws BadRecordException in strict mode, at the first bad row
     */
    public long forEachRating(RatingVisitor visitor) {
        return interactions.ratings(Objects.requireNonNull(visitor, "visitor"));
    }

    /**
     * Streams every valid tag to the consumer, in file order.
     *
     * @return the number of tags delivered; 0 when the layout or folder has no tags file
     * @throws BadRecordException in strict mode, at the first bad row
     */
    public long forEachTag(Consumer<? super Tag> consumer) {
        return interactions.tags(Objects.requireNonNull(consumer, "consumer"));
    }

    /** What has been read so far: rows and bad rows per file, with the first bad-row messages. */
    public ReadReport report() {
        return reports.snapshot();
    }
}
