package dev.wren.data.download;

/**
 * Choices a user makes about a download.
 *
 * @param allowUnverified use the download even when no checksum can be obtained (neither the published {@code .md5}
 *     nor a known one); a checksum that is obtained and does not match is refused regardless
 * @param force download again even if the folder already holds a completed download, replacing it
 */
public record DownloadOptions(boolean allowUnverified, boolean force) {
    /** Verified downloads only; a completed earlier download is reused. */
    public static DownloadOptions defaults() {
        return new DownloadOptions(false, false);
    }
}
