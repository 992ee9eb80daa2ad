package dev.wren.data.download;

import java.util.OptionalLong;

/** Hears how far a download has got; called from the downloading thread. */
@FunctionalInterface
public interface DownloadProgress {
    /** Reports nothing. */
    DownloadProgress NONE = (bytes, total) -> {};

    /**
     * @param bytesRead bytes of the zip received so far
     * @param totalBytes the zip's size, when the server said
     */
    void update(long bytesRead, OptionalLong totalBytes);
}
