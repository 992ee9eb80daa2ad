package dev.wren.data.movielens;

import dev.wren.core.model.Item;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a catalogue and ratings as a MovieLens folder in the {@code ml-latest} CSV layout ({@code movies.csv},
 * {@code ratings.csv}), whatever layout they were read from, so that every tier can read the result: an evaluation
 * writes its training split this way. Titles get their year back ("Heat (1995)") and genres their pipes, as
 * {@link MovieLensReader} reads them. Stateless and thread-safe (two calls must not share a folder).
 */
public final class MovieLensWriter {
    private static final CSVFormat CSV =
            CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private MovieLensWriter() {}

    /**
     * Writes {@code movies.csv} and {@code ratings.csv} into {@code dir} (created if needed; files of those names are
     * replaced).
     *
     * @param ratings pushes every rating into the visitor it is given, in any order
     * @throws UncheckedIOException naming the file that could not be written
     */
    public static void write(Path dir, Collection<Item> items, Consumer<RatingVisitor> ratings) {
        Path movies = dir.resolve("movies.csv");
        Path ratingsFile = dir.resolve("ratings.csv");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + dir, e);
        }
        try (CSVPrinter csv = new CSVPrinter(writer(movies), CSV)) {
            csv.printRecord("movieId", "title", "genres");
            for (Item item : items) {
                String title = item.year().isPresent()
                        ? item.title() + " (" + item.year().getAsInt() + ")"
                        : item.title();
                csv.printRecord(
                        item.id(),
                        title,
                        item.genres().isEmpty() ? Catalogue.NO_GENRES : String.join("|", item.genres()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + movies, e);
        }
        try (Writer out = writer(ratingsFile)) {
            out.write("userId,movieId,rating,timestamp\n");
            StringBuilder line = new StringBuilder(48);
            IOException[] failure = new IOException[1];
            ratings.accept((user, item, rating, ts) -> {
                if (failure[0] != null) {
                    return;
                }
                line.setLength(0);
                line.append(user)
                        .append(',')
                        .append(item)
                        .append(',')
                        .append(rating)
                        .append(',')
                        .append(ts)
                        .append('\n');
                try {
                    out.append(line);
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + ratingsFile, e);
        }
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20);
    }
}
