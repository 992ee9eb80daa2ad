package dev.wren.cli;

import dev.wren.offline.ProgressListener;
import dev.wren.offline.Stage;
import java.time.Duration;
import java.util.Set;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar over the offline pipeline's stages, naming the stage that runs. Not thread-safe. */
final class ConsoleStageProgress implements ProgressListener, AutoCloseable {
    private final ProgressBar bar;

    ConsoleStageProgress(Set<Stage> stages, boolean publish) {
        this.bar = new ProgressBarBuilder()
                .setTaskName("Offline")
                .setInitialMax(stages.size() + (publish ? 1 : 0))
                .setUnit(" stages", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .build();
    }

    @Override
    public void stageStarted(Stage stage) {
        bar.setExtraMessage(stage.label() + "...");
    }

    @Override
    public void stageFinished(Stage stage, Duration elapsed) {
        bar.step();
        bar.setExtraMessage(stage.label() + " done");
    }

    @Override
    public void stageFailed(Stage stage, Throwable cause) {
        bar.setExtraMessage(stage.label() + " FAILED");
    }

    @Override
    public void close() {
        bar.close();
    }
}
