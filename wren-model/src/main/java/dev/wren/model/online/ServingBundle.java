package dev.wren.model.online;

import dev.wren.model.bundle.BundleManifest;
import dev.wren.model.bundle.CorruptBundleException;
import dev.wren.model.bundle.LayoutMismatchException;
import dev.wren.model.bundle.ModelBundle;
import dev.wren.model.offline.OfflineManifest;
import dev.wren.model.report.ModelResult;
import dev.wren.model.serve.Scorer;
import dev.wren.model.serve.TowerVectors;
import dev.wren.model.train.TrainedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model bundle opened for serving: the trained model, loaded against the layout rebuilt from the offline manifest it
 * was trained on (so a bundle from another manifest is refused with a {@link
 * dev.wren.model.bundle.LayoutMismatchException}), the store-row encoder of that manifest, and a pooled {@link Scorer}
 * (ranking models) or {@link TowerVectors} (two-tower models). Thread-safe; closing it closes the model.
 */
public final class ServingBundle implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServingBundle.class);

    private final Path dir;
    private final BundleManifest manifest;
    private final StoreFeatureEncoder encoder;
    private final TrainedModel model;
    private final Scorer scorer;
    private final TowerVectors towers;

    private ServingBundle(
            Path dir, BundleManifest manifest, StoreFeatureEncoder encoder, TrainedModel model, int pool) {
        this.dir = dir;
        this.manifest = manifest;
        this.encoder = encoder;
        this.model = model;
        boolean retrieval = manifest.spec().inBatchNegatives();
        this.scorer = retrieval ? null : new Scorer(model, pool);
        this.towers = retrieval ? new TowerVectors(model) : null;
    }

    /**
     * Opens a bundle. The offline output it was trained on is {@code samples} when given, else the folder its
     * {@code metrics.json} names.
     *
     * @param poolSize predictors in the scorer's pool: the number of requests scored at once
     * @throws CorruptBundleException when a file is missing, malformed or fails its checksum, or the offline manifest
     *     cannot be read
     * @throws dev.wren.model.bundle.LayoutMismatchException when the bundle was trained on another layout
     */
    public static ServingBundle open(Path dir, Optional<Path> samples, int poolSize) {
        BundleManifest manifest = ModelBundle.manifest(dir);
        Path metrics = dir.resolve(ModelResult.FILE);
        String split = "time";
        Path offline = samples.orElse(null);
        if (Files.isRegularFile(metrics)) {
            try {
                ModelResult result = ModelResult.read(metrics);
                split = result.split() == null ? split : result.split();
                if (offline == null && result.samples() != null) {
                    offline = Path.of(result.samples());
                }
            } catch (IllegalArgumentException e) {
                throw new CorruptBundleException(e.getMessage(), e);
            }
        }
        if (offline == null) {
            throw new CorruptBundleException(dir + " has no " + ModelResult.FILE
                    + " naming the offline samples it was trained on, and no offline folder was given");
        }
        OfflineManifest offlineManifest;
        try {
            offlineManifest = OfflineManifest.read(offline, split);
        } catch (IllegalArgumentException e) {
            throw new CorruptBundleException(
                    "bundle " + dir + ": cannot read the offline manifest it was trained on: " + e.getMessage(), e);
        }
        StoreFeatureEncoder encoder;
        try {
            encoder = StoreFeatureEncoder.of(offlineManifest, manifest.layout());
        } catch (IllegalArgumentException e) {
            // The manifest's vocabularies or buckets are not the ones the bundle was trained with.
            throw new LayoutMismatchException(
                    "bundle " + dir + " does not fit the offline manifest of " + offline + ": " + e.getMessage());
        }
        TrainedModel model = ModelBundle.load(dir, encoder.layout());
        try {
            ServingBundle bundle = new ServingBundle(dir, manifest, encoder, model, poolSize);
            log.info(
                    "Opened {} bundle v{} ({}, validation AUC {}) over the offline manifest of {}",
                    manifest.name(),
                    manifest.version(),
                    dir,
                    manifest.report() == null ? "n/a" : manifest.report().bestValidationAuc(),
                    offline);
            return bundle;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    public Path dir() {
        return dir;
    }

    public String name() {
        return manifest.name();
    }

    public int version() {
        return manifest.version();
    }

    /** {@code <model>/<version folder>}, e.g. {@code deepfm/v2}, for logs and responses. */
    public String label() {
        return manifest.name() + "/" + dir.getFileName();
    }

    public BundleManifest manifest() {
        return manifest;
    }

    public StoreFeatureEncoder encoder() {
        return encoder;
    }

    public TrainedModel model() {
        return model;
    }

    /** Whether this is a retrieval (two-tower) model: it has tower vectors, not a scorer. */
    public boolean isRetrieval() {
        return towers != null;
    }

    /** The pooled scorer of a ranking model. */
    public Scorer scorer() {
        if (scorer == null) {
            throw new IllegalStateException(label() + " is a retrieval model: it has tower vectors, not a scorer");
        }
        return scorer;
    }

    /** The towers of a two-tower model. */
    public TowerVectors towers() {
        if (towers == null) {
            throw new IllegalStateException(label() + " is a ranking model: it has no towers");
        }
        return towers;
    }

    @Override
    public void close() {
        if (scorer != null) {
            scorer.close();
        }
        model.close();
    }
}
