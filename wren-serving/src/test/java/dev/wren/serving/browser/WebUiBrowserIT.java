package dev.wren.serving.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wren.data.synthetic.SyntheticConfig;
import dev.wren.data.synthetic.SyntheticDataGenerator;
import dev.wren.serving.ServingConfig;
import dev.wren.serving.WrenServer;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real headless Chromium: the home page's rows, a movie page, a user's recommendations, rating a movie
 * with the stars and seeing the recommendations change, and the dashboard. Uses Debian's {@code chromium} and
 * {@code chromedriver} (installed by .ci/run), so that nothing is downloaded at test time.
 */
class WebUiBrowserIT {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final String RECOMMENDED = "Recommended for you";

    @TempDir
    static Path tmp;

    static WrenServer server;
    static WebDriver browser;
    static String base;

    @BeforeAll
    static void start() {
        assumeTrue(
                CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "the browser test needs Debian's chromium and chromium-driver: apt-get install -y chromium"
                        + " chromium-driver (.ci/run installs them)");
        Path data = tmp.resolve("ml");
        new SyntheticDataGenerator().generate(SyntheticConfig.defaults().withSize(60, 50, 2_000), data);
        server = WrenServer.start(
                ServingConfig.of(data, tmp.resolve("events.jsonl")).withPort(0));
        base = "http://localhost:" + server.port();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void homeShowsPopularMoviesAndRowsByGenreThenAMoviePageWithSimilarMovies() {
        browser.get(base + "/");
        awaitCards("Popular");
        List<String> headings = texts(By.tagName("h2"));
        assertThat(headings).contains("Popular").anyMatch(h -> h.startsWith("Top rated "));
        assertThat(browser.findElements(By.cssSelector(".error"))).isEmpty();

        browser.findElement(By.cssSelector("a.card")).click();

        await().until(d -> !d.findElements(By.tagName("h1")).isEmpty());
        awaitCards("Similar movies");
        assertThat(browser.getCurrentUrl()).contains("/movie.html?id=");
        assertThat(browser.findElement(By.cssSelector(".detail img")).getAttribute("src"))
                .isNotBlank();
        assertThat(browser.findElement(By.cssSelector(".detail")).getText()).contains("ratings");
    }

    @Test
    void ratingARecommendedMovieMovesItToHistoryAndChangesTheRecommendations() {
        browser.get(base + "/user.html?id=1");
        List<String> before = awaitCards(RECOMMENDED);
        assertThat(before).isNotEmpty();
        String rated = before.get(0);

        browser.findElement(By.cssSelector(".stars[data-movie='" + rated + "'] button[data-value='5']"))
                .click();

        // The page re-renders from the API: the rated movie leaves the recommendations and enters the history.
        List<String> after = await().until(d -> {
            List<String> now = cardIds(RECOMMENDED);
            return !now.isEmpty() && !now.contains(rated) ? now : null;
        });
        assertThat(after).isNotEqualTo(before);
        assertThat(awaitCards("Your history")).contains(rated);
    }

    @Test
    void dashboardShowsPipelineLatencyAfterTraffic() {
        browser.get(base + "/user.html?id=2");
        awaitCards(RECOMMENDED);

        browser.get(base + "/dashboard.html");

        await().until(d -> texts(By.tagName("h2")).contains("Pipeline latency"));
        assertThat(browser.findElement(By.id("main")).getText()).contains("Exposures by variant");
        assertThat(browser.findElements(By.cssSelector(".error"))).isEmpty();
        // Chart.js loaded from its WebJar and drew the live charts.
        await().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return typeof Chart !== 'undefined' && !!Chart.getChart('latency')"
                        + " && !!Chart.getChart('exposures')")));
        await().until(d ->
                !browser.findElement(By.id("latency-table")).getText().isBlank());
    }

    private static WebDriverWait await() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Waits for the row under {@code heading} to hold cards, and returns their movie ids in order. */
    private static List<String> awaitCards(String heading) {
        return await().until(d -> {
            List<String> ids = cardIds(heading);
            return ids.isEmpty() ? null : ids;
        });
    }

    private static List<String> cardIds(String heading) {
        return browser
                .findElements(By.xpath("//h2[normalize-space(.)='" + heading + "']/following-sibling::div[1]/a"))
                .stream()
                .map(a -> a.getAttribute("href"))
                .map(href -> href.substring(href.indexOf("id=") + 3))
                .toList();
    }

    private static List<String> texts(By by) {
        return browser.findElements(by).stream().map(WebElement::getText).toList();
    }
}
