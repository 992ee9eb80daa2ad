package dev.wren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.store.FeatureStores;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code wren} command end to end, in-process: what a user types, what they read, and the exit code. */
class WrenCommandTest {

    @TempDir
    Path tmp;

    record Run(int exitCode, String out, String err) {}

    static Run wren(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = WrenCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void everyCommandExplainsItselfWithHelp() {
        for (String[] args : new String[][] {
            {"--help"},
            {"demo", "--help"},
            {"generate", "--help"},
            {"download", "--help"},
            {"inspect", "--help"},
            {"bench", "store", "--help"},
            {"bench", "serve", "--help"},
            {"bench", "experiments", "--help"},
            {"bench", "duel", "--help"},
            {"bench", "als", "--help"},
            {"offline", "--help"},
            {"features", "--help"},
            {"embed", "--help"},
            {"serve", "--help"},
            {"train", "--help"},
            {"train-ranker", "--help"},
            {"evaluate", "--help"},
            {"report", "--help"},
            {"store", "--help"},
            {"store", "info", "--help"},
            {"store", "copy", "--help"}
        }) {
            Run run = wren(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).contains("Usage: wren");
        }
        assertThat(wren("--help").out())
                .contains(
                        "demo",
                        "generate",
                        "download",
                        "inspect",
                        "offline",
                        "serve",
                        "train",
                        "train-ranker",
                        "evaluate",
                        "report",
                        "bench");
    }

    @Test
    void benchAlsRefusesASettingThatIsNotRankSlashIterations() {
        Run run = wren("bench", "als", "--data", tmp.toString(), "--settings", "64");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("RANK/ITERATIONS", "'64'");
    }

    @Test
    void generatesADatasetThenInspectsIt() {
        Path dir = tmp.resolve("tiny");
        Run generate = wren(
                "generate",
                "--out",
                dir.toString(),
                "--users",
                "60",
                "--movies",
                "50",
                "--ratings",
                "1500",
                "--seed",
                "7");
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.out()).contains("60 users", "50 movies");
        assertThat(dir.resolve("ratings.csv")).exists();
        assertThat(dir.resolve("hidden")).isDirectory();

        Run inspect = wren("inspect", "--data", dir.toString());
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(inspect.out())
                .contains("Users     60")
                .contains("Items     50")
                .contains("Rating histogram", "Ratings per year", "Most rated");

        Run json = wren("inspect", "--data", dir.toString(), "--json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).contains("\"users\" : 60", "\"items\" : 50");
    }

    @Test
    void withoutDataInspectUsesTheDefaultSyntheticDataset() {
        Run run = wren("inspect", "--data-home", tmp.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("generating Wren's default synthetic dataset");
        assertThat(run.out()).contains("Users     5,000");
        // The second run reuses it.
        assertThat(wren("inspect", "--data-home", tmp.toString()).err()).doesNotContain("generating");
    }

    @Test
    void badRowsAreReportedWithFileAndLineAndStrictStopsWithExitCode3() throws IOException {
        Path dir = tmp.resolve("bad");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("movies.csv"), "movieId,title,genres\n1,Toy Story (1995),Comedy\n");
        Files.writeString(
                dir.resolve("ratings.csv"),
                "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,1,9.0,964982704\n2,1,3.0,964982705\n");

        Run lenient = wren("inspect", "--data", dir.toString());
        assertThat(lenient.exitCode()).isZero();
        assertThat(lenient.out()).contains("Ratings   2", "Bad rows  1");
        assertThat(lenient.err()).contains("ratings.csv line 3");

        Run strict = wren("inspect", "--data", dir.toString(), "--strict");
        assertThat(strict.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(strict.err()).contains("ratings.csv line 3").doesNotContain("at dev.wren");
    }

    @Test
    void missingDataFolderIsAClearErrorNotAStackTrace() {
        Run run = wren("inspect", "--data", tmp.resolve("nope").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("is not a folder").doesNotContain("Exception");
    }

    @Test
    void downloadRefusesUnknownNamesAndExplainsTheOfflineFallback() {
        Run unknown = wren("download", "ml-999", "--data-home", tmp.toString());
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("ml-latest-small");

        Run offline = wren("download", "ml-100k", "--data-home", tmp.toString(), "--base-url", "http://127.0.0.1:1/");
        assertThat(offline.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(offline.err()).contains("wren generate");
    }

    @Test
    void benchStorePrintsMedianAndP99() {
        Run run = wren("bench", "store", "--store", "memory:", "--items", "2000", "--iterations", "50");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("800 item vectors median", "p99");
    }

    @Test
    void embedRunsOnSparkAndPublishesASnapshotToTheStore() {
        Path dir = tmp.resolve("tiny");
        assertThat(wren("generate", "--out", dir.toString(), "--users", "60", "--movies", "50", "--ratings", "1500")
                        .exitCode())
                .isZero();
        Path storeDir = tmp.resolve("store");
        // embed = read, features, embeddings and similar items: what a serving snapshot needs.
        Run run = wren(
                "embed",
                "--data",
                dir.toString(),
                "--out",
                tmp.resolve("out").toString(),
                "--store",
                "embedded:" + storeDir,
                "--master",
                "local[2]",
                "--partitions",
                "2",
                "--dim",
                "8");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Published feature snapshot", "hit rate@10");
        assertThat(tmp.resolve("out").resolve("manifest.json")).exists();
        assertThat(tmp.resolve("out").resolve("embeddings/evaluation.json")).exists();

        try (FeatureStore store = FeatureStores.open("embedded:" + storeDir, FeatureSchema.standard(8))) {
            assertThat(store.liveVersion()).isPresent();
            Map<Integer, float[]> vectors =
                    store.getVectors(EntityKind.ITEM, FeatureSchema.EMBEDDING, new int[] {1, 2, 3});
            assertThat(vectors).isNotEmpty();
            assertThat(vectors.values()).allSatisfy(v -> assertThat(v).hasSize(8));
        }
    }

    @Test
    void trainRankerLearnsFromEachUsersLatestRatingsAndSavesAVersionForServing() {
        Path dir = tmp.resolve("tiny");
        assertThat(wren("generate", "--out", dir.toString(), "--users", "60", "--movies", "50", "--ratings", "1500")
                        .exitCode())
                .isZero();
        Path models = tmp.resolve("models");

        Run run = wren("train-ranker", "--data", dir.toString(), "--models", models.toString(), "--last-n", "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("validation NDCG@10", "best single feature", "Saved");
        assertThat(models.resolve("topk-ranker/v1/topk-ranker.json")).exists();
        assertThat(models.resolve("topk-ranker/v1/topk-ranker.params")).exists();
    }

    @Test
    void anUnknownRankerIsAUsageErrorThatListsTheRankers() {
        Run run = wren("serve", "--data", tmp.toString(), "--ranker", "nope");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--ranker nope", "cf", "learned").doesNotContain("\tat ");
    }

    @Test
    void serveRefusesToListenBeyondLoopbackWithoutAnAdminToken() {
        Run run = wren("serve", "--data", tmp.toString(), "--store", "memory:", "--host", "0.0.0.0");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .contains("0.0.0.0", "--admin-token", "WREN_ADMIN_TOKEN")
                .doesNotContain("\tat ");
    }

    @Test
    void anUnknownEventLogSyncPolicyIsAUsageErrorThatListsThePolicies() {
        Run run = wren("serve", "--data", tmp.toString(), "--event-log-sync", "sometimes");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("always", "everysec", "none").doesNotContain("\tat ");
    }

    @Test
    void benchServeMeasuresTheRecommendationEndpointOverHttp() {
        Path dir = tmp.resolve("tiny");
        assertThat(wren("generate", "--out", dir.toString(), "--users", "40", "--movies", "30", "--ratings", "900")
                        .exitCode())
                .isZero();
        Path json = tmp.resolve("bench.json");

        Run run = wren(
                "bench",
                "serve",
                "--data",
                dir.toString(),
                "--data-home",
                tmp.toString(),
                "--store",
                "memory:",
                "--seconds",
                "1",
                "--concurrency",
                "2",
                "--out",
                json.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("concurrency   2:", "req/s", "p99", "0 failed");
        assertThat(json).content().contains("\"throughput\"", "\"p99Ms\"");
    }

    @Test
    void benchDuelReportsWhatTheDuelingBanditLearnedFromSimulatedUsers() {
        Path json = tmp.resolve("reports/duel.json");

        Run run = wren("bench", "duel", "--data-home", tmp.toString(), "--users", "200");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("ranking by taste alone", "popularity-heavy start", "best for users", "best learned");
        assertThat(json).content().contains("\"bestShown\"", "\"grid\"");
        assertThat(tmp.resolve("reports/duel-noise-heavy.png")).isNotEmptyFile();
        assertThat(wren("bench", "duel", "--users", "0").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        assertThat(wren("inspect", "--no-such-option").exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
