package dev.wren.serving;

import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.offline.OfflineSamples;
import dev.wren.model.offline.OfflineTraining;
import dev.wren.model.offline.SyntheticOfflineSamples;
import dev.wren.model.train.TrainConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A tiny offline output (the synthetic pipeline schema, with ids and genres that overlap {@link TinyMovieLens}) and a
 * models folder trained on it: a DeepFM and a two-tower bundle, one epoch each, trained once per test JVM. Tests that
 * change a models folder work on a {@link #copyModels copy}.
 */
final class TinyModels {
    private static Path trained;

    private TinyModels() {}

    /** The folder with {@code offline/} and {@code models/}. */
    static synchronized Path trained() {
        if (trained == null) {
            try {
                Path dir = Files.createTempDirectory("wren-tiny-models");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                SyntheticOfflineSamples.write(
                        dir.resolve("offline"), TinyMovieLens.USERS, TinyMovieLens.MOVIES, 800, 100, 7, 1 << 20);
                OfflineSamples samples = OfflineSamples.open(dir.resolve("offline"), "time", 0.1);
                for (ModelSpec spec : List.of(
                        new ModelSpec.DeepFmSpec(4, List.of(8), 0f),
                        new ModelSpec.TwoTowerSpec(4, List.of(8), 8, 0.1f))) {
                    OfflineTraining.train(
                            samples,
                            spec,
                            TrainConfig.defaultsFor(spec).withEpochs(1, 1).withSeed(5),
                            dir.resolve("models"));
                }
                trained = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return trained;
    }

    static Path offline() {
        return trained().resolve("offline");
    }

    /** A copy of the trained models folder that a test may change. */
    static Path copyModels(Path target) throws IOException {
        Path source = trained().resolve("models");
        try (Stream<Path> all = Files.walk(source)) {
            for (Path p : all.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }

    /** Copies a model's bundle folder to another version folder of the same model, e.g. v1 to v2. */
    static Path copyVersion(Path models, String model, String from, String to) throws IOException {
        Path target = models.resolve(model).resolve(to);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(models.resolve(model).resolve(from))) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }
}
