package dev.wren.data.download;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A data set ready on disk.
 *
 * @param dataset which data set
 * @param folder the unpacked folder holding the data set's files (e.g. {@code data/ml-25m})
 * @param md5 the checksum the download was verified against; empty when it was used unverified
 * @param bytesDownloaded size of the zip fetched now; 0 when an earlier download was reused
 * @param reused true when the folder held a completed earlier download and nothing was fetched
 */
public record DownloadResult(
        MovieLensDataset dataset, Path folder, Optional<String> md5, long bytesDownloaded, boolean reused) {
    public DownloadResult {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(md5, "md5");
    }

    public boolean verified() {
        return md5.isPresent();
    }
}
