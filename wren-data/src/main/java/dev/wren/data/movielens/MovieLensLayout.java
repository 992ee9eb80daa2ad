package dev.wren.data.movielens;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** The file layouts MovieLens has shipped in, told apart by the files a folder holds. */
public enum MovieLensLayout {
    /**
     * {@code ml-latest-small}, {@code ml-20m}, {@code ml-25m}, {@code ml-32m} and the sparrow sample: {@code movies.csv},
     * {@code ratings.csv}, {@code links.csv}, {@code tags.csv} with headers, UTF-8; any file but movies.csv may be absent.
     */
    CSV("movies.csv", "ratings.csv", "tags.csv", "", RatingScale.HALF_STARS, StandardCharsets.UTF_8),
    /** {@code ml-1m}: {@code ::}-separated {@code movies.dat}, {@code ratings.dat}, {@code users.dat}, Latin-1. */
    DAT_1M("movies.dat", "ratings.dat", "", "users.dat", RatingScale.WHOLE_STARS, StandardCharsets.ISO_8859_1),
    /** {@code ml-10m}: {@code ::}-separated {@code movies.dat}, {@code ratings.dat}, {@code tags.dat}, Latin-1. */
    DAT_10M("movies.dat", "ratings.dat", "tags.dat", "", RatingScale.HALF_STARS, StandardCharsets.ISO_8859_1),
    /** {@code ml-100k}: tab-separated {@code u.data}, pipe-separated {@code u.item}, {@code u.user}, Latin-1. */
    ML_100K("u.item", "u.data", "", "u.user", RatingScale.WHOLE_STARS, StandardCharsets.ISO_8859_1);

    private final String moviesFile;
    private final String ratingsFile;
    private final String tagsFile;
    private final String usersFile;
    private final RatingScale scale;
    private final Charset charset;

    MovieLensLayout(
            String moviesFile,
            String ratingsFile,
            String tagsFile,
            String usersFile,
            RatingScale scale,
            Charset charset) {
        this.moviesFile = moviesFile;
        this.ratingsFile = ratingsFile;
        this.tagsFile = tagsFile;
        this.usersFile = usersFile;
        this.scale = scale;
        this.charset = charset;
    }

    /**
     * Tells the layout of a folder from its files: {@code u.data} means ml-100k, {@code movies.dat} ml-1m (with
     * {@code users.dat}) or ml-10m (without), {@code movies.csv} the csv layouts.
     *
     * @throws IllegalArgumentException naming the folder and the files looked for, when none matches
     */
    public static MovieLensLayout detect(Path dir) {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("MovieLens folder " + dir + " does not exist or is not a folder");
        }
        if (Files.isRegularFile(dir.resolve("u.data"))) {
            if (!Files.isRegularFile(dir.resolve("u.item"))) {
                throw new IllegalArgumentException(dir + " has u.data but no u.item: an ml-100k folder needs both");
            }
            return ML_100K;
        }
        if (Files.isRegularFile(dir.resolve("movies.dat"))) {
            return Files.isRegularFile(dir.resolve("users.dat")) ? DAT_1M : DAT_10M;
        }
        if (Files.isRegularFile(dir.resolve("movies.csv"))) {
            return CSV;
        }
        throw new IllegalArgumentException("No MovieLens dataset in " + dir
                + ": looked for movies.csv (ml-latest-small, ml-20m, ml-25m, ml-32m, sparrow),"
                + " movies.dat (ml-1m, ml-10m) and u.data with u.item (ml-100k)");
    }

    /** The movie catalogue's file name. */
    public String moviesFile() {
        return moviesFile;
    }

    /** The ratings file name (it may be absent from a folder, as in sparrow). */
    public String ratingsFile() {
        return ratingsFile;
    }

    /** The tags file name, if this layout has one. */
    public Optional<String> tagsFile() {
        return tagsFile.isEmpty() ? Optional.empty() : Optional.of(tagsFile);
    }

    /** The demographics file name, if this layout has one. */
    public Optional<String> usersFile() {
        return usersFile.isEmpty() ? Optional.empty() : Optional.of(usersFile);
    }

    /** The ratings this layout allows. */
    public RatingScale scale() {
        return scale;
    }

    /** The text encoding of this layout's files. */
    public Charset charset() {
        return charset;
    }
}
