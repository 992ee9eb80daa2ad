package dev.wren.data.download;

import java.util.OptionalLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar in megabytes on the console (standard error), started at the first update, when the size is known.
 * Close it when done. Not thread-safe.
 */
public final class ConsoleDownloadProgress implements DownloadProgress, AutoCloseable {
    private final String task;
    private ProgressBar bar;

    public ConsoleDownloadProgress(String task) {
        this.task = task;
    }

    @Override
    public void update(long bytesRead, OptionalLong totalBytes) {
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(totalBytes.orElse(-1))
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit("MB", 1 << 20)
                    .showSpeed()
                    .build();
        }
        bar.stepTo(bytesRead);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
