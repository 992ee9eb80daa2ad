package dev.wren.cli;

import dev.wren.data.movielens.ProgressListener;
import java.util.HashMap;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar per file read, in megabytes, on standard error. Small files (under 16 MB) get no bar: they are read
 * before a bar would be worth drawing. Not thread-safe; close it when reading is done.
 */
final class ConsoleReadProgress implements ProgressListener, AutoCloseable {
    private static final long MIN_BYTES_FOR_BAR = 16L << 20;
    private static final long MB = 1L << 20;

    private final Map<String, ProgressBar> bars = new HashMap<>();

    @Override
    public void onProgress(String file, long bytesRead, long totalBytes) {
        if (totalBytes < MIN_BYTES_FOR_BAR) {
            return;
        }
        ProgressBar bar = bars.computeIfAbsent(file, f -> new ProgressBarBuilder()
                .setTaskName("Reading " + f)
                .setInitialMax(totalBytes / MB)
                .setUnit(" MB", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .showSpeed()
                .build());
        bar.stepTo(bytesRead / MB);
        if (bytesRead >= totalBytes) {
            bars.remove(file).close();
        }
    }

    @Override
    public void close() {
        bars.values().forEach(ProgressBar::close);
        bars.clear();
    }
}
