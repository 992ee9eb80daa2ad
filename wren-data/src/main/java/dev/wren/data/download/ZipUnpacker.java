package dev.wren.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a zip into a folder, refusing entries that would land outside it ("zip slip": {@code ../} or absolute
 * names) and skipping symbolic links. Reads the central directory, so a truncated zip fails instead of unpacking half.
 */
final class ZipUnpacker {
    private ZipUnpacker() {}

    /**
     * @throws DownloadException of reason {@link DownloadException.Reason#BAD_ARCHIVE} for a corrupt or hostile zip
     * @throws IOException when the disk cannot be written
     */
    static void unpack(Path zip, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        Files.createDirectories(root);
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            Enumeration<ZipArchiveEntry> entries = file.getEntriesInPhysicalOrder();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw new DownloadException(
                            DownloadException.Reason.BAD_ARCHIVE,
                            "Refusing " + zip.getFileName() + ": its entry '" + entry.getName()
                                    + "' would be written outside " + root + ".");
                }
                if (entry.isUnixSymlink()) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new DownloadException(
                    DownloadException.Reason.BAD_ARCHIVE,
                    zip.getFileName() + " is not a readable zip (" + e.getMessage() + ").",
                    e);
        }
    }
}
