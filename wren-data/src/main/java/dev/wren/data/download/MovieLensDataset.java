package dev.wren.data.download;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The MovieLens data sets GroupLens publishes as {@code <name>.zip}, with the folder each zip unpacks to. */
public enum MovieLensDataset {
    ML_LATEST_SMALL("ml-latest-small", "ml-latest-small", null),
    ML_100K("ml-100k", "ml-100k", "0e33842e24a9c977be4e0107933c0723"),
    ML_1M("ml-1m", "ml-1m", "c4d9eecfca2ab87c1945afe126590906"),
    ML_10M("ml-10m", "ml-10M100K", "ce571fd55effeba0271552578f2648bd"),
    ML_20M("ml-20m", "ml-20m", "cd245b17a1ae2cc31bb14903e1204af3"),
    ML_25M("ml-25m", "ml-25m", "6b51fb2759a8657d3bfcbfc42b592ada"),
    ML_32M("ml-32m", "ml-32m", null),
    ML_LATEST("ml-latest", "ml-latest", null);

    private final String id;
    private final String folder;
    private final String knownMd5;

    MovieLensDataset(String id, String folder, String knownMd5) {
        this.id = id;
        this.folder = folder;
        this.knownMd5 = knownMd5;
    }

    /** The name GroupLens uses, e.g. {@code ml-25m}. */
    public String id() {
        return id;
    }

    /** The folder the zip unpacks to (ml-10m's is {@code ml-10M100K}). */
    public String folder() {
        return folder;
    }

    public String zipName() {
        return id + ".zip";
    }

    /**
     * The MD5 of the frozen releases, as widely cited, used only when the published {@code .md5} cannot be fetched.
     * The "latest" sets change between releases, so they have none.
     */
    Optional<String> knownMd5() {
        return Optional.ofNullable(knownMd5);
    }

    /** All names, in order from small to large, for messages and help texts. */
    public static List<String> names() {
        return Arrays.stream(values()).map(MovieLensDataset::id).toList();
    }

    /**
     * The data set with this name (case-insensitive).
     *
     * @throws DownloadException of reason {@link DownloadException.Reason#UNKNOWN_DATASET} listing the known names
     */
    public static MovieLensDataset byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(d -> d.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new DownloadException(
                        DownloadException.Reason.UNKNOWN_DATASET,
                        "Unknown MovieLens data set '" + name + "': known names are " + String.join(", ", names())
                                + "."));
    }
}
