package dev.wren.store.embedded;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureCodec;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStoreException;
import dev.wren.core.store.FeatureValue;
import dev.wren.core.store.Features;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The snapshot file of one entity kind in one version: a magic number, the row count, the rows (id, then each feature
 * as name and {@link FeatureCodec} bytes), and a CRC-32 of all that, so a damaged file is refused rather than served.
 */
final class RowFiles {
    private static final int MAGIC = 0x5752_4e31; // "WRN1"

    private RowFiles() {}

    static void write(Path file, VersionRows rows, EntityKind kind) throws IOException {
        CRC32 crc = new CRC32();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream raw = java.nio.channels.Channels.newOutputStream(channel);
                CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), crc);
                DataOutputStream out = new DataOutputStream(checked)) {
            out.writeInt(MAGIC);
            out.writeInt(rows.size(kind));
            IOException[] failure = {null};
            int[] written = {0};
            rows.forEach(kind, (id, row) -> {
                if (failure[0] == null) {
                    try {
                        writeRow(out, id, row);
                        written[0]++;
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            if (written[0] != rows.size(kind)) {
                throw new IllegalStateException("rows changed while writing " + file);
            }
            out.flush();
            new DataOutputStream(raw).writeLong(crc.getValue());
            channel.force(true);
        }
    }

    static void read(Path file, FeatureSchema schema, EntityKind kind, VersionRows into) {
        CRC32 crc = new CRC32();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
            if (in.readInt() != MAGIC) {
                throw new FeatureStoreException("corrupt feature file " + file + ": not a Wren row file");
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                int id = in.readInt();
                Features row = readFeatures(in, schema, kind, id);
                into.put(kind, id, row);
            }
            long expected = crc.getValue();
            long stored = new DataInputStream(raw).readLong();
            if (stored != expected || raw.read() != -1) {
                throw new FeatureStoreException("corrupt feature file " + file + ": checksum mismatch");
            }
        } catch (EOFException e) {
            throw new FeatureStoreException("corrupt feature file " + file + ": truncated", e);
        } catch (IOException e) {
            throw new FeatureStoreException("cannot read feature file " + file + ": " + e, e);
        } catch (FeatureStoreException e) {
            if (e.getMessage().contains(file.toString())) {
                throw e;
            }
            throw new FeatureStoreException("corrupt feature file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // InvalidFeatureException included: the data no longer fits the schema, or the bytes are garbage.
            throw new FeatureStoreException("corrupt feature file " + file + ": " + e.getMessage(), e);
        }
    }

    static void writeRow(DataOutput out, int id, Features row) throws IOException {
        out.writeInt(id);
        writeFeatures(out, row);
    }

    static void writeFeatures(DataOutput out, Features row) throws IOException {
        out.writeShort(row.values().size());
        for (Map.Entry<String, FeatureValue> e : row.values().entrySet()) {
            out.writeUTF(e.getKey());
            byte[] bytes = FeatureCodec.encode(e.getValue());
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    /** Reads one row and checks it against the schema, so that a schema change is reported, not served. */
    static Features readFeatures(DataInput in, FeatureSchema schema, EntityKind kind, int id) throws IOException {
        int n = in.readUnsignedShort();
        Map<String, FeatureValue> values = new HashMap<>(n * 2);
        for (int f = 0; f < n; f++) {
            // The schema's own name instance, so that a million rows share one string per feature.
            String name = schema.spec(kind, in.readUTF()).name();
            int length = in.readInt();
            if (length < 0 || length > (1 << 28)) {
                throw new FeatureStoreException("feature '" + name + "' has a corrupt length " + length);
            }
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            values.put(name, FeatureCodec.decode(bytes));
        }
        Features row = new Features(values);
        schema.validate(kind, id, row);
        return row;
    }
}
