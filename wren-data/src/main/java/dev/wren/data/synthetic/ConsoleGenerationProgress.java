package dev.wren.data.synthetic;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on the console (standard error) for long generations. Close it when done. Not thread-safe. */
public final class ConsoleGenerationProgress implements GenerationProgress, AutoCloseable {
    private final ProgressBar bar;

    public ConsoleGenerationProgress(long ratingsTarget) {
        this.bar = new ProgressBarBuilder()
                .setTaskName("Generating ratings")
                .setInitialMax(ratingsTarget)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(ratingsTarget >= 10_000_000 ? "M" : "k", ratingsTarget >= 10_000_000 ? 1_000_000 : 1_000)
                .showSpeed()
                .build();
    }

    @Override
    public void update(long ratingsWritten, long ratingsTarget) {
        bar.maxHint(ratingsTarget);
        bar.stepTo(ratingsWritten);
    }

    @Override
    public void close() {
        bar.close();
    }
}
