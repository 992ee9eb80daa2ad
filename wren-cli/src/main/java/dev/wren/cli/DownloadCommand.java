package dev.wren.cli;

import dev.wren.data.download.ConsoleDownloadProgress;
import dev.wren.data.download.DownloadException;
import dev.wren.data.download.DownloadOptions;
import dev.wren.data.download.DownloadResult;
import dev.wren.data.download.MovieLensDownloader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wren download}: fetches a MovieLens archive from GroupLens, checks it and unpacks it. */
@Command(
        name = "download",
        mixinStandardHelpOptions = true,
        description = {
            "Download a MovieLens dataset from files.grouplens.org with a progress bar, check its MD5 checksum and"
                    + " unpack it into the data home. Without network, use `wren generate` for synthetic data.",
        })
final class DownloadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "DATASET",
            description = "ml-latest-small, ml-latest, ml-100k, ml-1m, ml-10m, ml-20m, ml-25m or ml-32m.")
    String dataset;

    @Mixin
    DataHome home;

    @Option(names = "--force", description = "Download again even when a completed download is there.")
    boolean force;

    @Option(
            names = "--allow-unverified",
            description = "Keep the download when no checksum can be fetched (a mismatch is always refused).")
    boolean allowUnverified;

    @Option(names = "--base-url", hidden = true, defaultValue = "https://files.grouplens.org/datasets/movielens/")
    String baseUrl;

    @Override
    public Integer call() {
        DownloadResult result;
        try (var progress = new ConsoleDownloadProgress("Downloading " + dataset)) {
            result = new MovieLensDownloader(java.net.URI.create(baseUrl))
                    .download(dataset, home.dir, new DownloadOptions(allowUnverified, force), progress);
        } catch (DownloadException e) {
            int code =
                    switch (e.reason()) {
                        case UNKNOWN_DATASET, TARGET_EXISTS -> ExitCodes.USAGE;
                        case UNREACHABLE, HTTP_ERROR, CHECKSUM_UNAVAILABLE -> ExitCodes.UNAVAILABLE;
                        case CHECKSUM_MISMATCH, BAD_ARCHIVE -> ExitCodes.BAD_INPUT;
                        default -> ExitCodes.FAILURE;
                    };
            throw new WrenUserException(e.getMessage(), code, e);
        }
        spec.commandLine()
                .getOut()
                .printf(
                        "%s %s in %s (%s)%n",
                        result.dataset().id(),
                        result.reused() ? "already downloaded" : "downloaded",
                        result.folder(),
                        result.verified() ? "MD5 " + result.md5().orElseThrow() : "checksum not verified");
        return ExitCodes.OK;
    }
}
