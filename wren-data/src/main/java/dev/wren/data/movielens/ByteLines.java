package dev.wren.data.movielens;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a file line by line into one reused byte buffer, so the rating path creates no object per line. Lines end at
 * {@code \n}; a trailing {@code \r} and a leading UTF-8 byte-order mark are dropped. Not thread-safe.
 */
final class ByteLines implements Closeable {
    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private final byte[] chunk = new byte[CHUNK];
    private int chunkPos;
    private int chunkLen;
    private byte[] line = new byte[256];
    private byte[] current = line;
    private int start;
    private long lineNumber;
    private long bytesRead;
    private boolean eof;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the next line; returns its length, or -1 at the end of the file. The line's bytes are in {@link #buffer()}
     * from {@link #start()}: a line that lies within one read chunk is not copied at all.
     */
    int next() throws IOException {
        int len = 0;
        boolean copied = false;
        while (true) {
            if (chunkPos == chunkLen) {
                if (eof || !fill()) {
                    if (len == 0 && eof) {
                        return -1;
                    }
                    break;
                }
            }
            int from = chunkPos;
            int end = chunkLen;
            int nl = -1;
            for (int i = from; i < end; i++) {
                if (chunk[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            if (nl >= 0 && !copied) {
                current = chunk;
                start = from;
                len = nl - from;
                chunkPos = nl + 1;
                break;
            }
            int stop = nl < 0 ? end : nl;
            len = append(len, from, stop - from);
            copied = true;
            current = line;
            start = 0;
            if (nl >= 0) {
                chunkPos = nl + 1;
                break;
            }
            chunkPos = end;
        }
        lineNumber++;
        if (len > 0 && current[start + len - 1] == '\r') {
            len--;
        }
        if (lineNumber == 1
                && len >= 3
                && (current[start] & 0xFF) == 0xEF
                && (current[start + 1] & 0xFF) == 0xBB
                && (current[start + 2] & 0xFF) == 0xBF) {
            start += 3;
            len -= 3;
        }
        return len;
    }

    private boolean fill() throws IOException {
        int n = in.read(chunk, 0, CHUNK);
        if (n <= 0) {
            eof = true;
            chunkPos = 0;
            chunkLen = 0;
            return false;
        }
        bytesRead += n;
        chunkPos = 0;
        chunkLen = n;
        return true;
    }

    private int append(int len, int from, int count) {
        if (len + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, len + count));
        }
        System.arraycopy(chunk, from, line, len, count);
        return len + count;
    }

    /** The buffer holding the current line; valid until the next call to {@link #next()}. */
    byte[] buffer() {
        return current;
    }

    /** Where the current line starts in {@link #buffer()}. */
    int start() {
        return start;
    }

    /** The 1-based number of the line {@link #next()} returned last. */
    long lineNumber() {
        return lineNumber;
    }

    /** Bytes read from the underlying stream so far, for progress reports. */
    long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
