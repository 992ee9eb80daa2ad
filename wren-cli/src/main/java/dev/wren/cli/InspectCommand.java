package dev.wren.cli;

import dev.wren.data.movielens.FileReport;
import dev.wren.data.movielens.MovieLensReader;
import dev.wren.data.movielens.ReadOptions;
import dev.wren.data.stats.DatasetStats;
import dev.wren.data.stats.TopItem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wren inspect}: prints a dataset's shape. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = {
            "Print a dataset's shape: users, items, ratings, sparsity, rating histogram, ratings per year and the most"
                    + " rated movies. Any MovieLens layout is detected from the folder.",
            "Bad rows are counted and reported with file and line; --strict stops at the first one.",
        })
final class InspectCommand implements Callable<Integer> {
    private static final int BAR_WIDTH = 40;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--strict", description = "Stop at the first bad row instead of skipping it.")
    boolean strict;

    @Option(names = "--json", description = "Print the statistics as JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = dataOptions.resolve(spec.commandLine().getErr());
        DatasetStats stats;
        MovieLensReader reader;
        try (var progress = new ConsoleReadProgress()) {
            ReadOptions options = (strict ? ReadOptions.strictMode() : ReadOptions.lenient()).withProgress(progress);
            reader = MovieLensReader.open(dir, options);
            stats = DatasetStats.of(reader);
        }
        if (json) {
            out.println(stats.toJson());
        } else {
            printTable(out, dir, stats);
        }
        printBadRows(spec.commandLine().getErr(), reader);
        return ExitCodes.OK;
    }

    private static void printTable(PrintWriter out, Path dir, DatasetStats s) {
        out.printf("Dataset   %s (%s layout)%n", dir, s.layout());
        out.printf("Users     %,d%n", s.users());
        out.printf("Items     %,d (%,d rated)%n", s.items(), s.ratedItems());
        out.printf("Ratings   %,d%n", s.ratings());
        out.printf("Sparsity  %.4f%%%n", 100 * s.sparsity());
        out.printf("Tags      %,d%n", s.tags());
        out.printf("Bad rows  %,d%n", s.badRows());
        out.println();
        out.println("Rating histogram");
        printBars(out, s.ratingHistogram(), s.ratings());
        out.println();
        out.println("Ratings per year");
        printBars(out, s.ratingsPerYear(), s.ratings());
        out.println();
        out.println("Most rated");
        int rank = 1;
        for (TopItem item : s.mostRated()) {
            out.printf("  %2d. %-50s %8s %,d%n", rank++, truncate(item.title(), 50), "#" + item.id(), item.ratings());
        }
    }

    private static <K> void printBars(PrintWriter out, Map<K, Long> counts, long total) {
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
        for (Map.Entry<K, Long> e : counts.entrySet()) {
            int width = (int) Math.round((double) BAR_WIDTH * e.getValue() / max);
            out.printf(
                    "  %6s %-" + BAR_WIDTH + "s %,10d %5.1f%%%n",
                    e.getKey(),
                    "#".repeat(width),
                    e.getValue(),
                    total == 0 ? 0.0 : 100.0 * e.getValue() / total);
        }
    }

    private static void printBadRows(PrintWriter err, MovieLensReader reader) {
        for (FileReport file : reader.report().files()) {
            if (file.badRows() == 0) {
                continue;
            }
            err.printf("%s: %,d bad rows skipped; the first:%n", file.file(), file.badRows());
            file.firstMessages().forEach(m -> err.println("  " + m));
        }
        err.flush();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "~";
    }
}
