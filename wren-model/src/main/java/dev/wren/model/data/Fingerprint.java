package dev.wren.model.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;

/** SHA-256 of a source's samples in source order, so a bundle records exactly which data trained it. */
public final class Fingerprint {
    private Fingerprint() {}

    public static String of(SampleSource source) {
        MessageDigest digest = sha256();
        try (var batches = source.batches(4096, OptionalLong.empty())) {
            batches.forEach(b -> {
                ByteBuffer buffer = ByteBuffer.allocate(
                        4 * (b.categorical().length + b.numeric().length + b.sequence().length + b.labels().length)
                                + 8 * b.groups().length);
                for (int v : b.categorical()) {
                    buffer.putInt(v);
                }
                for (float v : b.numeric()) {
                    buffer.putFloat(v);
                }
                for (int v : b.sequence()) {
                    buffer.putInt(v);
                }
                for (float v : b.labels()) {
                    buffer.putFloat(v);
                }
                for (long v : b.groups()) {
                    buffer.putLong(v);
                }
                digest.update(buffer.array());
            });
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The hex SHA-256 of a file's bytes: a bundle's checksum of its parameters. */
    public static String ofFile(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
