package dev.wren.data.download;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.data.download.DownloadException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a MovieLens data set into a data folder: fetches {@code <base>/<name>.zip} with progress, checks it
 * against the published {@code <name>.zip.md5}, unpacks it safely and returns the folder.
 *
 * <p>Checksum policy: the published {@code .md5} is fetched first. If it cannot be fetched, the checksum known for
 * the frozen releases (ml-100k to ml-25m) is used; with neither, the download is refused unless
 * {@link DownloadOptions#allowUnverified()} is set. A mismatch is always refused and the file deleted.
 *
 * <p>A completed download leaves a {@code .wren-download.json} marker in its folder and is reused next time. Files are
 * written beside the target ({@code <name>.zip.part}, {@code .<name>.unpacking}) and moved into place only when
 * complete, so an interrupted download never looks finished. Thread-safe, but two downloads of the same data set into
 * the same folder at once will collide.
 */
public final class MovieLensDownloader {
    private static final Logger log = LoggerFactory.getLogger(MovieLensDownloader.class);

    public static final URI GROUPLENS = URI.create("https://files.grouplens.org/datasets/movielens/");

    static final String MARKER = ".wren-download.json";
    private static final int CHUNK = 1 << 16;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient client;

    /** Downloads from GroupLens. */
    public MovieLensDownloader() {
        this(GROUPLENS);
    }

    /** Downloads from another server or mirror laid out like GroupLens's (tests use a local server). */
    public MovieLensDownloader(URI base) {
        this(
                base,
                HttpClient.newBuilder()
                        .connectTimeout(CONNECT_TIMEOUT)
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build());
    }

    public MovieLensDownloader(URI base, HttpClient client) {
        String text = Objects.requireNonNull(base, "base").toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Downloads with the default options and no progress display. */
    public DownloadResult download(String name, Path dataDir) {
        return download(name, dataDir, DownloadOptions.defaults(), DownloadProgress.NONE);
    }

    /**
     * Makes the data set available under {@code dataDir}, downloading it unless a completed download is there.
     *
     * @param name a data set name such as {@code ml-25m}; see {@link MovieLensDataset#names()}
     * @return where the data set's files are
     * @throws DownloadException with a one-sentence message; {@link Reason#UNREACHABLE} names {@code wren generate}
     */
    public DownloadResult download(String name, Path dataDir, DownloadOptions options, DownloadProgress progress) {
        MovieLensDataset dataset = MovieLensDataset.byName(name);
        Path target = dataDir.resolve(dataset.folder());
        if (Files.isDirectory(target) && !options.force()) {
            if (Files.isRegularFile(target.resolve(MARKER))) {
                log.info("{} is already in {}; reusing it", dataset.id(), target);
                return new DownloadResult(dataset, target, readMarkerMd5(target), 0, true);
            }
            throw new DownloadException(
                    Reason.TARGET_EXISTS,
                    target + " already exists but is not a completed download: move it away, or force a new download"
                            + " to replace it.");
        }
        URI zipUri = base.resolve(dataset.zipName());
        URI md5Uri = base.resolve(dataset.zipName() + ".md5");
        try {
            Optional<String> expected = expectedMd5(dataset, md5Uri, options);
            createDirectories(dataDir);
            Path part = dataDir.resolve(dataset.zipName() + ".part");
            try {
                Fetched fetched = fetch(zipUri, part, progress);
                if (expected.isPresent() && !expected.get().equals(fetched.md5())) {
                    throw new DownloadException(
                            Reason.CHECKSUM_MISMATCH,
                            "Checksum mismatch for " + zipUri + ": expected MD5 " + expected.get() + " but got "
                                    + fetched.md5() + "; the download was deleted, please try again.");
                }
                Path folder = unpack(dataset, part, dataDir, target);
                writeMarker(folder, dataset, zipUri, expected);
                log.info(
                        "{} ready in {} ({} bytes, {})", dataset.id(), folder, fetched.bytes(), verifiedText(expected));
                return new DownloadResult(dataset, folder, expected, fetched.bytes(), false);
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new DownloadException(
                    Reason.IO_ERROR, "Downloading " + zipUri + " into " + dataDir + " failed: " + e.getMessage(), e);
        }
    }

    private Optional<String> expectedMd5(MovieLensDataset dataset, URI md5Uri, DownloadOptions options) {
        HttpResponse<String> response = send(md5Uri, HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
        Optional<String> published = response.statusCode() == 200 ? Md5.parse(response.body()) : Optional.empty();
        if (published.isPresent()) {
            dataset.knownMd5()
                    .filter(known -> !known.equals(published.get()))
                    .ifPresent(known -> log.warn(
                            "{} publishes MD5 {} for {}, not the known {}; trusting the published one",
                            md5Uri.getHost(),
                            published.get(),
                            dataset.zipName(),
                            known));
            return published;
        }
        String why = response.statusCode() == 200 ? "no MD5 in it" : "HTTP " + response.statusCode();
        if (dataset.knownMd5().isPresent()) {
            log.warn("Could not fetch {} ({}); checking against the known MD5 instead", md5Uri, why);
            return dataset.knownMd5();
        }
        if (options.allowUnverified()) {
            log.warn("Could not fetch {} ({}); the download will NOT be verified, as allowed", md5Uri, why);
            return Optional.empty();
        }
        throw new DownloadException(
                Reason.CHECKSUM_UNAVAILABLE,
                "Could not fetch the checksum " + md5Uri + " (" + why + "), so " + dataset.zipName()
                        + " cannot be verified: try again later, or allow unverified downloads.");
    }

    private record Fetched(long bytes, String md5) {}

    private Fetched fetch(URI uri, Path part, DownloadProgress progress) throws IOException {
        HttpResponse<InputStream> response = send(uri, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new DownloadException(
                        Reason.HTTP_ERROR,
                        uri.getHost() + " answered HTTP " + response.statusCode() + " for " + uri + ".");
            }
            OptionalLong total = response.headers().firstValueAsLong("Content-Length");
            log.info("Downloading {} ({})", uri, total.isPresent() ? total.getAsLong() + " bytes" : "size unknown");
            MessageDigest md5 = Md5.digest();
            long bytes = 0;
            byte[] buffer = new byte[CHUNK];
            try (OutputStream out = Files.newOutputStream(part)) {
                progress.update(0, total);
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    md5.update(buffer, 0, n);
                    bytes += n;
                    progress.update(bytes, total);
                }
            }
            if (total.isPresent() && total.getAsLong() != bytes) {
                throw new DownloadException(
                        Reason.IO_ERROR,
                        "The download of " + uri + " stopped after " + bytes + " of " + total.getAsLong()
                                + " bytes; please try again.");
            }
            return new Fetched(bytes, Md5.hex(md5.digest()));
        }
    }

    private <T> HttpResponse<T> send(URI uri, HttpResponse.BodyHandler<T> handler) {
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(RESPONSE_TIMEOUT).GET().build();
        try {
            return client.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException(Reason.INTERRUPTED, "The download of " + uri + " was interrupted.", e);
        } catch (IOException e) {
            if (isUnreachable(e)) {
                throw new DownloadException(
                        Reason.UNREACHABLE,
                        "Could not reach " + uri.getHost() + " (no network?): use `wren generate` for synthetic"
                                + " MovieLens-format data instead.",
                        e);
            }
            throw new DownloadException(Reason.IO_ERROR, "Fetching " + uri + " failed: " + e.getMessage(), e);
        }
    }

    /** True for failures to connect at all (as opposed to a transfer that broke part way). */
    private static boolean isUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof HttpConnectTimeoutException
                    || t instanceof UnknownHostException
                    || t instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    /** Unpacks beside the target and moves the result into place, so a half-unpacked folder is never left. */
    private static Path unpack(MovieLensDataset dataset, Path zip, Path dataDir, Path target) throws IOException {
        Path staging = dataDir.resolve("." + dataset.id() + ".unpacking");
        deleteRecursively(staging);
        try {
            ZipUnpacker.unpack(zip, staging);
            Path unpacked = singleFolderIn(staging).orElse(staging);
            deleteRecursively(target);
            Files.move(unpacked, target);
            return target;
        } finally {
            deleteRecursively(staging);
        }
    }

    /** The zip's one top folder, ignoring the resource-fork folder macOS adds to zips it makes. */
    private static Optional<Path> singleFolderIn(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> all = children.filter(p -> !p.getFileName().toString().equals("__MACOSX"))
                    .toList();
            return all.size() == 1 && Files.isDirectory(all.get(0)) ? Optional.of(all.get(0)) : Optional.empty();
        }
    }

    private static void writeMarker(Path folder, MovieLensDataset dataset, URI zipUri, Optional<String> md5)
            throws IOException {
        Map<String, Object> marker = new LinkedHashMap<>();
        marker.put("dataset", dataset.id());
        marker.put("url", zipUri.toString());
        marker.put("md5", md5.orElse(null));
        marker.put("verified", md5.isPresent());
        new ObjectMapper().writeValue(folder.resolve(MARKER).toFile(), marker);
    }

    private static Optional<String> readMarkerMd5(Path folder) {
        try {
            String md5 = new ObjectMapper()
                    .readTree(folder.resolve(MARKER).toFile())
                    .path("md5")
                    .asText("");
            return md5.isEmpty() || "null".equals(md5) ? Optional.empty() : Optional.of(md5);
        } catch (IOException e) {
            log.warn("Unreadable {} in {}: {}", MARKER, folder, e.getMessage());
            return Optional.empty();
        }
    }

    private static String verifiedText(Optional<String> md5) {
        return md5.map(m -> "MD5 " + m + " verified").orElse("NOT verified");
    }

    private static void createDirectories(Path dir) throws IOException {
        Files.createDirectories(dir);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
