package dev.wren.stream.events;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits bytes read from a channel into {@code \n}-terminated UTF-8 lines, keeping an unterminated tail until more
 * bytes come: the event log's last line is complete only once its {@code \n} is written. Counts the bytes of the lines
 * it has returned, which is where a reader resumes. Not thread-safe.
 */
public final class LineSplitter {
    /** A line longer than this is not an event record; refusing it bounds the buffer. */
    static final int MAX_LINE_BYTES = 16 << 20;

    private byte[] buf = new byte[64 << 10];
    private int start; // first unread byte
    private int end; // one past the last byte read
    private int scanned; // bytes from start already known to hold no '\n'
    private long consumed;

    /**
     * Reads what the channel has now into the buffer.
     *
     * @return the bytes read, 0 when none are available, -1 at the end of the stream
     * @throws IOException also when one line exceeds {@link #MAX_LINE_BYTES}
     */
    public int fill(ReadableByteChannel channel) throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buf.length) {
            if (buf.length >= MAX_LINE_BYTES) {
                throw new IOException("a line is longer than " + MAX_LINE_BYTES + " bytes");
            }
            buf = Arrays.copyOf(buf, Math.min(MAX_LINE_BYTES, buf.length * 2));
        }
        int n = channel.read(ByteBuffer.wrap(buf, end, buf.length - end));
        if (n > 0) {
            end += n;
        }
        return n;
    }

    /** The next complete line, without its {@code \n} (or {@code \r\n}), or null when no complete line is buffered. */
    public String next() {
        for (int i = start + scanned; i < end; i++) {
            if (buf[i] == '\n') {
                int stop = i > start && buf[i - 1] == '\r' ? i - 1 : i;
                String line = new String(buf, start, stop - start, StandardCharsets.UTF_8);
                consumed += i + 1 - start;
                start = i + 1;
                scanned = 0;
                return line;
            }
        }
        scanned = end - start;
        return null;
    }

    /** Bytes of an incomplete line held back. */
    public int pending() {
        return end - start;
    }

    /** Bytes of the lines returned so far, newlines included. */
    public long consumed() {
        return consumed;
    }
}
