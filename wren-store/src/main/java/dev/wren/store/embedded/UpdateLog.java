package dev.wren.store.embedded;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStoreException;
import dev.wren.core.store.Features;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only log of real-time updates to one version. Each record is {@code length, crc32, payload} with the
 * payload {@code kind, id, features}. Appends go straight to the file, so an update that returned survives a crash of
 * the process (not a power cut: that would need an fsync per update). A torn last record, the mark of a crash
 * mid-append, is cut off on replay; damage before the last record is refused. Not thread-safe: the store serialises
 * appends. The file is a {@link RandomAccessFile}, not a {@code FileChannel}: an interrupt of the writing thread (a
 * cancelled Flink task sharing the store with serving) would close a channel, and the log with it, for everyone.
 */
final class UpdateLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UpdateLog.class);
    private static final int MAX_RECORD = 1 << 28;

    private final Path file;
    private final RandomAccessFile data;

    private UpdateLog(Path file, RandomAccessFile data) {
        this.file = file;
        this.data = data;
    }

    /** Replays the log into {@code rows}, cuts a torn tail, and opens the log for appends. */
    static UpdateLog openAndReplay(Path file, FeatureSchema schema, VersionRows rows) {
        try {
            RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw");
            try {
                long good = replay(file, raf, schema, rows);
                if (good < raf.length()) {
                    log.warn(
                            "Cutting a torn record off the end of {} ({} bytes after offset {}), left by a crash",
                            file,
                            raf.length() - good,
                            good);
                    raf.setLength(good);
                    raf.getFD().sync();
                }
                raf.seek(good);
                return new UpdateLog(file, raf);
            } catch (RuntimeException | IOException e) {
                raf.close();
                throw e;
            }
        } catch (IOException e) {
            throw new FeatureStoreException("cannot open update log " + file + ": " + e, e);
        }
    }

    /** Returns the offset after the last whole record. */
    private static long replay(Path file, RandomAccessFile raf, FeatureSchema schema, VersionRows rows)
            throws IOException {
        long size = raf.length();
        long offset = 0;
        byte[] header = new byte[8];
        int replayed = 0;
        raf.seek(0);
        while (offset + 8 <= size) {
            raf.readFully(header);
            ByteBuffer fields = ByteBuffer.wrap(header);
            int length = fields.getInt();
            int crc = fields.getInt();
            if (length < 0 || length > MAX_RECORD || offset + 8 + length > size) {
                return offset; // torn tail
            }
            byte[] payload = new byte[length];
            raf.readFully(payload);
            CRC32 check = new CRC32();
            check.update(payload);
            boolean last = offset + 8 + length == size;
            if ((int) check.getValue() != crc) {
                if (last) {
                    return offset;
                }
                throw new FeatureStoreException(
                        "corrupt update log " + file + ": checksum mismatch at offset " + offset);
            }
            try {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
                EntityKind kind = EntityKind.values()[in.readUnsignedByte()];
                int id = in.readInt();
                rows.merge(kind, id, RowFiles.readFeatures(in, schema, kind, id));
            } catch (IOException | RuntimeException e) {
                throw new FeatureStoreException(
                        "corrupt update log " + file + " at offset " + offset + ": " + e.getMessage(), e);
            }
            offset += 8 + length;
            replayed++;
        }
        log.debug("Replayed {} updates from {}", replayed, file);
        return offset;
    }

    /** Appends these updates in one write; they are in the operating system's hands when this returns. */
    void append(EntityKind kind, Map<Integer, Features> updates) {
        long start = -1;
        try {
            start = data.getFilePointer();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * updates.size() + 16);
            DataOutputStream out = new DataOutputStream(bytes);
            ByteArrayOutputStream payload = new ByteArrayOutputStream(256);
            DataOutputStream p = new DataOutputStream(payload);
            for (Map.Entry<Integer, Features> e : updates.entrySet()) {
                payload.reset();
                p.writeByte(kind.ordinal());
                RowFiles.writeRow(p, e.getKey(), e.getValue());
                CRC32 crc = new CRC32();
                crc.update(payload.toByteArray());
                out.writeInt(payload.size());
                out.writeInt((int) crc.getValue());
                payload.writeTo(out);
            }
            data.write(bytes.toByteArray());
        } catch (IOException e) {
            cutBackTo(start);
            throw new FeatureStoreException("cannot append to update log " + file + ": " + e, e);
        }
    }

    /** After a failed append, drops its partial bytes so that later records do not follow a torn one. */
    private void cutBackTo(long position) {
        if (position >= 0) {
            try {
                data.setLength(position);
                data.seek(position);
            } catch (IOException e) {
                log.warn("Cannot cut the failed append off {}; the next open will refuse or cut it", file, e);
            }
        }
    }

    void sync() {
        try {
            data.getFD().sync();
        } catch (IOException e) {
            throw new FeatureStoreException("cannot sync update log " + file + ": " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            data.close();
        } catch (IOException e) {
            log.warn("Closing update log {} failed", file, e);
        }
    }
}
