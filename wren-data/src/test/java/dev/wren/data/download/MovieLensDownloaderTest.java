package dev.wren.data.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensDownloaderTest {
    private static final String RATINGS = "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n";
    private static final String MOVIES = "movieId,title,genres\n1,Toy Story (1995),Adventure|Animation\n";

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private MovieLensDownloader downloader;

    @TempDir
    Path dataDir;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/datasets/movielens/", exchange -> {
            requests.incrementAndGet();
            String name = exchange.getRequestURI().getPath().replace("/datasets/movielens/", "");
            byte[] body = files.get(name);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        downloader = new MovieLensDownloader(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/datasets/movielens/"));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void downloadsVerifiesAndUnpacksIntoTheDataSetFolder() throws IOException {
        byte[] zip = zip(Map.of("ml-latest-small/ratings.csv", RATINGS, "ml-latest-small/movies.csv", MOVIES));
        serve("ml-latest-small", zip, bsdMd5("ml-latest-small.zip", zip));
        List<Long> progress = new ArrayList<>();
        List<OptionalLong> totals = new ArrayList<>();

        DownloadResult result =
                downloader.download("ml-latest-small", dataDir, DownloadOptions.defaults(), (bytes, total) -> {
                    progress.add(bytes);
                    totals.add(total);
                });

        assertThat(result.folder()).isEqualTo(dataDir.resolve("ml-latest-small"));
        assertThat(result.folder().resolve("ratings.csv")).hasContent(RATINGS.strip());
        assertThat(result.folder().resolve("movies.csv")).hasContent(MOVIES.strip());
        assertThat(result.verified()).isTrue();
        assertThat(result.md5()).contains(Md5.hex(Md5.digest().digest(zip)));
        assertThat(result.bytesDownloaded()).isEqualTo(zip.length);
        assertThat(result.reused()).isFalse();
        assertThat(progress).isSorted().last().isEqualTo((long) zip.length);
        assertThat(totals).containsOnly(OptionalLong.of(zip.length));
        assertThat(leftovers()).containsExactly("ml-latest-small");
    }

    @Test
    void reusesACompletedDownloadWithoutFetchingAgain() {
        byte[] zip = zip(Map.of("ml-latest-small/ratings.csv", RATINGS));
        serve("ml-latest-small", zip, bsdMd5("ml-latest-small.zip", zip));
        downloader.download("ml-latest-small", dataDir);
        int before = requests.get();

        DownloadResult again = downloader.download("ml-latest-small", dataDir);

        assertThat(requests.get()).isEqualTo(before);
        assertThat(again.reused()).isTrue();
        assertThat(again.verified()).isTrue();
        assertThat(again.folder().resolve("ratings.csv")).exists();
    }

    @Test
    void refusesADownloadThatDoesNotMatchItsChecksumAndDeletesIt() {
        byte[] zip = zip(Map.of("ml-latest-small/ratings.csv", RATINGS));
        serve("ml-latest-small", zip, bsdMd5("ml-latest-small.zip", "not the same bytes".getBytes()));

        assertThatThrownBy(() -> downloader.download("ml-latest-small", dataDir))
                .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.reason())
                        .isEqualTo(DownloadException.Reason.CHECKSUM_MISMATCH))
                .hasMessageContaining("Checksum mismatch")
                .hasMessageContaining(Md5.hex(Md5.digest().digest(zip)));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void refusesWhenNoChecksumCanBeFetchedUnlessUnverifiedIsAllowed() {
        byte[] zip = zip(Map.of("ml-latest-small/ratings.csv", RATINGS));
        files.put("ml-latest-small.zip", zip);

        assertThatThrownBy(() -> downloader.download("ml-latest-small", dataDir))
                .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.reason())
                        .isEqualTo(DownloadException.Reason.CHECKSUM_UNAVAILABLE))
                .hasMessageContaining("ml-latest-small.zip.md5 (HTTP 404)");
        assertThat(leftovers()).isEmpty();

        DownloadResult unverified = downloader.download(
                "ml-latest-small", dataDir, new DownloadOptions(true, false), DownloadProgress.NONE);
        assertThat(unverified.verified()).isFalse();
        assertThat(unverified.folder().resolve("ratings.csv")).exists();
    }

    @Test
    void fallsBackToTheKnownChecksumOfAFrozenRelease() {
        byte[] zip = zip(Map.of("ml-100k/u.data", "1\t1\t5\t874965758\n"));
        files.put("ml-100k.zip", zip);

        // The fixture is not the real ml-100k, so the known MD5 must reject it.
        assertThatThrownBy(() -> downloader.download("ml-100k", dataDir))
                .hasMessageContaining("expected MD5 0e33842e24a9c977be4e0107933c0723");
    }

    @Test
    void acceptsTheGnuChecksumLayoutToo() {
        byte[] zip = zip(Map.of("ml-latest/ratings.csv", RATINGS));
        String gnu = Md5.hex(Md5.digest().digest(zip)) + "  ml-latest.zip\n";
        serve("ml-latest", zip, gnu.getBytes(StandardCharsets.US_ASCII));

        assertThat(downloader.download("ml-latest", dataDir).verified()).isTrue();
    }

    @Test
    void refusesAZipEntryThatEscapesTheFolder() {
        byte[] zip = zip(Map.of("ml-latest-small/ratings.csv", RATINGS, "../evil.txt", "gotcha"));
        serve("ml-latest-small", zip, bsdMd5("ml-latest-small.zip", zip));

        assertThatThrownBy(() -> downloader.download("ml-latest-small", dataDir))
                .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.reason())
                        .isEqualTo(DownloadException.Reason.BAD_ARCHIVE))
                .hasMessageContaining("'../evil.txt' would be written outside");
        assertThat(dataDir.getParent().resolve("evil.txt")).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void refusesAnUnknownNameListingTheKnownOnes() {
        assertThatThrownBy(() -> downloader.download("ml-99m", dataDir))
                .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.reason())
                        .isEqualTo(DownloadException.Reason.UNKNOWN_DATASET))
                .hasMessage("Unknown MovieLens data set 'ml-99m': known names are ml-latest-small, ml-100k, ml-1m,"
                        + " ml-10m, ml-20m, ml-25m, ml-32m, ml-latest.");
        assertThat(requests.get()).isZero();
    }

    @Test
    void saysInOneSentenceToGenerateSyntheticDataWhenTheHostIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MovieLensDownloader offline = new MovieLensDownloader(URI.create("http://127.0.0.1:" + closedPort + "/x/"));

        assertThatThrownBy(() -> offline.download("ml-25m", dataDir))
                .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.reason())
                        .isEqualTo(DownloadException.Reason.UNREACHABLE))
                .hasMessage("Could not reach 127.0.0.1 (no network?): use `wren generate` for synthetic"
                        + " MovieLens-format data instead.");
    }

    @Test
    void reportsAServerErrorWithItsStatus() {
        files.put("ml-1m.zip.md5", bsdMd5("ml-1m.zip", new byte[0]));

        assertThatThrownBy(() -> downloader.download("ml-1m", dataDir))
                .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.reason())
                        .isEqualTo(DownloadException.Reason.HTTP_ERROR))
                .hasMessageContaining("answered HTTP 404")
                .hasMessageContaining("ml-1m.zip");
    }

    @Test
    void refusesToOverwriteAFolderItDidNotDownload() throws IOException {
        Files.createDirectories(dataDir.resolve("ml-latest-small"));

        assertThatThrownBy(() -> downloader.download("ml-latest-small", dataDir))
                .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.reason())
                        .isEqualTo(DownloadException.Reason.TARGET_EXISTS));
    }

    @Test
    void unpacksMl10mIntoItsOddlyNamedFolder() {
        byte[] zip = zip(Map.of(
                "ml-10M100K/ratings.dat", "1::122::5::838985046\n", "__MACOSX/ml-10M100K/._ratings.dat", "fork"));
        serve("ml-10m", zip, bsdMd5("ml-10m.zip", zip));

        DownloadResult result = downloader.download("ml-10m", dataDir);

        assertThat(result.folder()).isEqualTo(dataDir.resolve("ml-10M100K"));
        assertThat(result.folder().resolve("ratings.dat")).exists();
    }

    private void serve(String name, byte[] zip, byte[] md5File) {
        files.put(name + ".zip", zip);
        files.put(name + ".zip.md5", md5File);
    }

    private static byte[] bsdMd5(String fileName, byte[] content) {
        String line = "MD5 (" + fileName + ") = " + Md5.hex(Md5.digest().digest(content)) + "\n";
        return line.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : new LinkedHashMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private List<String> leftovers() {
        try (Stream<Path> children = Files.list(dataDir)) {
            return children.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
