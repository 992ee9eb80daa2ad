package dev.wren.data.download;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MD5 helpers: a digest, and the hash read out of a checksum file in either BSD or GNU layout. */
final class Md5 {
    private static final Pattern HEX = Pattern.compile("(?<![0-9a-fA-F])([0-9a-fA-F]{32})(?![0-9a-fA-F])");

    private Md5() {}

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide MD5", e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /**
     * The hash in a checksum file: {@code MD5 (ml-25m.zip) = 6b51...} (BSD, as GroupLens publishes) or
     * {@code 6b51...  ml-25m.zip} (GNU); lower case.
     */
    static Optional<String> parse(String checksumFile) {
        Matcher m = HEX.matcher(checksumFile);
        return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
