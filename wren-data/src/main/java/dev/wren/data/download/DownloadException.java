package dev.wren.data.download;

import java.util.Objects;

/**
 * A download failed; the message is one sentence a command line can print as is, and {@link #reason()} lets a caller
 * react (for example, offer synthetic data when the network is unreachable).
 */
public final class DownloadException extends RuntimeException {
    /** Why a download failed. */
    public enum Reason {
        /** The name is not a known MovieLens data set. */
        UNKNOWN_DATASET,
        /** The server could not be reached at all: no network, DNS failure, refused connection or timeout. */
        UNREACHABLE,
        /** The server answered with an error status. */
        HTTP_ERROR,
        /** The published checksum could not be fetched and unverified downloads were not allowed. */
        CHECKSUM_UNAVAILABLE,
        /** The downloaded file does not match its checksum. */
        CHECKSUM_MISMATCH,
        /** The zip is corrupt or tries to write outside its folder. */
        BAD_ARCHIVE,
        /** The target folder exists but did not come from a completed download. */
        TARGET_EXISTS,
        /** Reading from the network or writing to disk failed part way. */
        IO_ERROR,
        /** The thread was interrupted. */
        INTERRUPTED
    }

    private final Reason reason;

    public DownloadException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public DownloadException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
