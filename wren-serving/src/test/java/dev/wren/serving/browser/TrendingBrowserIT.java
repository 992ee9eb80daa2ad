package dev.wren.serving.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.Features;
import dev.wren.data.synthetic.SyntheticConfig;
import dev.wren.data.synthetic.SyntheticDataGenerator;
import dev.wren.serving.ServingConfig;
import dev.wren.serving.WrenServer;
import dev.wren.serving.trend.TrendSettings;
import dev.wren.store.FeatureStores;
import dev.wren.store.redis.RedisServer;
import dev.wren.stream.LocalStreamRunner;
import dev.wren.stream.StreamConfig;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The near-line tier end to end, seen in a real headless Chromium: a server on a real redis-server, and the real stream
 * job (wren-stream's {@link LocalStreamRunner}, a Flink MiniCluster in this JVM) following the server's event log into
 * the same Redis. Events posted to the server become the stream job's trends, which the server polls and the home
 * page's "Trending now" row shows; a rating made with the stars changes the user's recommendations at once, and the
 * stream job then writes that user's near-line features too.
 */
class TrendingBrowserIT {
    private static final Logger log = LoggerFactory.getLogger(TrendingBrowserIT.class);
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    /** A short trend window sliding by a second, so that windows close within a test. */
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private static final String TRENDING = "Trending now";
    private static final String RECOMMENDED = "Recommended for you";
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();

    @TempDir
    static Path tmp;

    static RedisServer redis;
    static WrenServer server;
    static LocalStreamRunner stream;
    static FeatureStore store;
    static WebDriver browser;
    static String base;
    /** The items made to trend, most events first. */
    static List<Integer> hot;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(
                CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "the browser test needs Debian's chromium and chromium-driver: apt-get install -y chromium"
                        + " chromium-driver (.ci/run installs them)");
        assumeTrue(RedisServer.available(), "redis-server not on PATH");
        redis = RedisServer.start(Files.createDirectories(tmp.resolve("redis")));
        String uri = redis.uri().toString();
        Path data = tmp.resolve("ml");
        new SyntheticDataGenerator().generate(SyntheticConfig.defaults().withSize(60, 50, 2_000), data);
        Path events = tmp.resolve("events.jsonl");
        server = WrenServer.start(ServingConfig.of(data, events)
                .withStore(uri)
                .withPort(0)
                .withTrends(TrendSettings.defaults().withWindow(WINDOW).withRefreshEvery(Duration.ofMillis(200))));
        base = "http://localhost:" + server.port();
        // Started after the server, which publishes the store's first snapshot; follows the log the server appends to.
        stream = LocalStreamRunner.start(StreamConfig.defaults(events, data, uri, ServingConfig.DEFAULT_DIMENSION)
                .withFollow(true)
                .withOutOfOrderness(Duration.ofSeconds(1))
                .withTrendWindow(WINDOW, Duration.ofSeconds(1))
                .withParallelism(1));
        store = FeatureStores.open(uri, FeatureSchema.standard(ServingConfig.DEFAULT_DIMENSION));
        makeTrends();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER)
                        .build(),
                options);
    }

    /**
     * Three of the least popular movies get 10, 6 and 3 events from other users, ten seconds ago, then one event now
     * moves the stream job's event time on, so that the windows holding the first ones close. Posted before any other
     * event of the test, so that none of them is late.
     */
    private static void makeTrends() throws Exception {
        JsonNode movies = get("/api/v1/movies?sort=popularity&limit=50").path("items");
        List<Integer> ids = new ArrayList<>();
        movies.forEach(m -> ids.add(m.path("id").asInt()));
        hot = List.of(ids.get(ids.size() - 1), ids.get(ids.size() - 2), ids.get(ids.size() - 3));
        long then = System.currentTimeMillis() / 1000 - 10;
        int[] counts = {10, 6, 3};
        for (int i = 0; i < hot.size(); i++) {
            for (int u = 0; u < counts[i]; u++) {
                post(String.format(
                        "{\"userId\":%d,\"movieId\":%d,\"type\":\"click\",\"timestamp\":%d}",
                        30 + u, hot.get(i), then));
            }
        }
        post(String.format("{\"userId\":50,\"movieId\":%d,\"type\":\"click\"}", ids.get(0)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (stream != null) {
            stream.cancel(30);
            stream.await();
        }
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void theHomePageShowsTheItemsTheStreamJobFoundTrending() throws Exception {
        // The stream job writes the trends to Redis; the server polls them every 200 ms.
        List<Integer> trending = until(() -> {
            List<Integer> now = new ArrayList<>();
            get("/api/v1/items/trending?size=10")
                    .path("items")
                    .forEach(t -> now.add(t.path("movie").path("id").asInt()));
            return now.size() >= 3 && now.subList(0, 3).equals(hot) ? now : null;
        });
        assertThat(trending).startsWith(hot.toArray(Integer[]::new));
        // Written by the stream job (serving never writes trendingCount), with the window's end as its time.
        Features row = store.get(EntityKind.ITEM, hot.get(0)).orElseThrow();
        assertThat(row.number(FeatureSchema.TRENDING_COUNT)).hasValue(10);
        assertThat(row.number(FeatureSchema.STREAM_TIME)).isPresent();

        browser.get(base + "/");

        List<String> cards = awaitCards(TRENDING);
        assertThat(cards.subList(0, 3))
                .containsExactly(hot.stream().map(String::valueOf).toArray(String[]::new));
        assertThat(browser.findElement(By.xpath(row(TRENDING) + "/a[1]")).getText())
                .contains("10 recent events");
        assertThat(browser.findElements(By.cssSelector(".error"))).isEmpty();
    }

    @Test
    void aRatingWithTheStarsChangesTheRecommendationsAtOnceAndReachesTheStreamJob() throws Exception {
        browser.get(base + "/user.html?id=1");
        List<String> before = awaitCards(RECOMMENDED);
        String rated = before.get(0);

        long clicked = System.nanoTime();
        browser.findElement(By.cssSelector(".stars[data-movie='" + rated + "'] button[data-value='5']"))
                .click();
        List<String> after = await().until(d -> {
            List<String> now = cardIds(RECOMMENDED);
            return !now.isEmpty() && !now.contains(rated) ? now : null;
        });
        // Reported, not asserted: a shared machine's timing is no test result.
        log.info(
                "The recommendations changed {} ms after the click on the stars",
                (System.nanoTime() - clicked) / 1_000_000);
        assertThat(after).isNotEqualTo(before);
        assertThat(awaitCards("Your history")).contains(rated);
        // The stream job followed the server's log: the user's recent items (a feature only it writes) hold the movie.
        int movie = Integer.parseInt(rated);
        until(() -> store.get(EntityKind.USER, 1)
                .map(r -> r.intList(FeatureSchema.RECENT_ITEMS))
                .filter(items -> !items.isEmpty() && items.get(0) == movie)
                .orElse(null));
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static void post(String body) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** Polls until {@code check} gives a value; generous, since the stream job shares two cores with the browser. */
    private static <T> T until(Callable<T> check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            T value = check.call();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not there after 60 s");
            }
            Thread.sleep(100);
        }
    }

    private interface Callable<T> {
        T call() throws Exception;
    }

    private static WebDriverWait await() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static String row(String heading) {
        return "//h2[normalize-space(.)='" + heading + "']/following-sibling::div[1]";
    }

    private static List<String> awaitCards(String heading) {
        return await().until(d -> {
            List<String> ids = cardIds(heading);
            return ids.isEmpty() ? null : ids;
        });
    }

    private static List<String> cardIds(String heading) {
        return browser.findElements(By.xpath(row(heading) + "/a")).stream()
                .map(a -> a.getAttribute("href"))
                .map(href -> href.substring(href.indexOf("id=") + 3))
                .toList();
    }
}
