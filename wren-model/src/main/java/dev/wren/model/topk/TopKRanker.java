package dev.wren.model.topk;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wren.model.bundle.BundleException;
import dev.wren.model.bundle.CorruptBundleException;
import dev.wren.model.data.Fingerprint;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Scores one user's candidates from their dense features; higher scores rank first (the scores are logits: their
 * sigmoid estimates the chance that the candidate is one of the user's held-out positives). Thread-safe: DJL
 * predictors are not, so each call borrows one from a fixed pool and callers beyond the pool size wait. Close it
 * once no call is in flight; closing releases the predictors and the model.
 *
 * <p>Saved as a folder holding {@value #MANIFEST} (feature names, standardisation, architecture, validation
 * figures and the parameters' checksum) and {@value #PARAMETERS}. A caller that computes features by name should
 * compare its names with {@link #featureNames()} after loading.
 */
public final class TopKRanker implements AutoCloseable {
    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST = "topk-ranker.json";
    public static final String PARAMETERS = "topk-ranker.params";
    private static final String ENGINE = "PyTorch";

    private final Model model;
    private final TopKRankerManifest manifest;
    private final String[] featureNames;
    private final BlockingQueue<Predictor<float[][], float[]>> pool;
    private final List<Predictor<float[][], float[]>> all = new ArrayList<>();
    private volatile boolean closed;

    /** Takes ownership of the model; {@code manifest}'s checksum is ignored (it is computed on save). */
    TopKRanker(Model model, TopKRankerManifest manifest, int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be positive, got " + poolSize);
        }
        this.model = model;
        this.manifest = manifest;
        this.featureNames = manifest.featureNames().toArray(String[]::new);
        RankerTranslator translator = new RankerTranslator(manifest.means(), manifest.deviations());
        this.pool = new ArrayBlockingQueue<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            Predictor<float[][], float[]> predictor = model.newPredictor(translator);
            all.add(predictor);
            pool.add(predictor);
        }
    }

    /** One predictor per core: PyTorch should then run one intra-op thread ({@code -Dai.djl.pytorch.num_threads=1}). */
    static int defaultPoolSize() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Scores of one user's candidates, in row order.
     *
     * @param features one row per candidate, one finite value per {@link #featureNames()} entry, in that order
     * @throws IllegalArgumentException naming the row and feature of a ragged row or a non-finite value
     */
    public float[] score(float[][] features) {
        if (closed) {
            throw new IllegalStateException("this ranker is closed");
        }
        RankingSamples.checkRows(featureNames, features);
        if (features.length == 0) {
            return new float[0];
        }
        Predictor<float[][], float[]> predictor;
        try {
            predictor = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a predictor", e);
        }
        try {
            return predictor.predict(features);
        } catch (TranslateException e) {
            throw new IllegalStateException("scoring failed: " + e.getMessage(), e);
        } finally {
            pool.add(predictor);
        }
    }

    /** The features {@link #score} expects in each row, in order. */
    public String[] featureNames() {
        return featureNames.clone();
    }

    /** Mean per-user NDCG@10 of the kept epoch on the validation users. */
    public double validationNdcg() {
        return manifest.validationNdcg();
    }

    /** Validation NDCG@10 of the best single feature: what the model had to beat. */
    public double bestFeatureNdcg() {
        return manifest.bestFeatureNdcg();
    }

    /** The best single feature's name, prefixed by '-' when ranking it lowest first was the better way. */
    public String bestFeature() {
        return manifest.bestFeature();
    }

    /**
     * Writes the ranker to {@code dir} (created if needed), replacing a ranker saved there before. The manifest is
     * written last, so an interrupted save leaves a folder that fails to load rather than a wrong model.
     *
     * @throws BundleException naming the file that could not be written
     */
    public void save(Path dir) {
        Path parameters = dir.resolve(PARAMETERS);
        Path manifestFile = dir.resolve(MANIFEST);
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(manifestFile);
            try (DataOutputStream out =
                    new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(parameters)))) {
                model.getBlock().saveParameters(out);
            }
            mapper().writeValue(manifestFile.toFile(), manifest.withChecksum(Fingerprint.ofFile(parameters)));
        } catch (IOException e) {
            throw new BundleException("cannot save the ranker to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Loads a saved ranker with one predictor per core. */
    public static TopKRanker load(Path dir) {
        return load(dir, defaultPoolSize());
    }

    /**
     * Loads a saved ranker.
     *
     * @param poolSize predictors, i.e. calls of {@link #score} that run at once
     * @throws CorruptBundleException naming the file when the manifest or parameters are missing, malformed or do not
     *     match each other
     */
    public static TopKRanker load(Path dir, int poolSize) {
        TopKRankerManifest manifest = readManifest(dir.resolve(MANIFEST));
        Path parameters = dir.resolve(PARAMETERS);
        String actual;
        try {
            actual = Fingerprint.ofFile(parameters);
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new CorruptBundleException(parameters + " is missing", e);
        } catch (IOException e) {
            throw new CorruptBundleException("cannot read " + parameters + ": " + e.getMessage(), e);
        }
        if (!actual.equals(manifest.parametersSha256())) {
            throw new CorruptBundleException(parameters + " is corrupt: SHA-256 " + actual + ", " + MANIFEST
                    + " records " + manifest.parametersSha256());
        }
        Model model = Model.newInstance("topk-ranker", Device.cpu(), ENGINE);
        TopKRanker ranker = null;
        try {
            model.setBlock(RankerNetwork.of(manifest.hidden()));
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(parameters)))) {
                model.getBlock().loadParameters(model.getNDManager(), in);
            }
            ranker = new TopKRanker(model, manifest, poolSize);
            // Parameters for another number of features fail here rather than on a request.
            ranker.score(new float[][] {manifest.means().clone()});
            return ranker;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            if (ranker != null) {
                ranker.close();
            } else {
                model.close();
            }
            throw new CorruptBundleException(
                    "cannot load " + parameters + " as a ranker over the "
                            + manifest.featureNames().size() + " features of " + MANIFEST + ": " + e.getMessage(),
                    e);
        }
    }

    private static TopKRankerManifest readManifest(Path file) {
        TopKRankerManifest manifest;
        try {
            manifest = mapper().readValue(file.toFile(), TopKRankerManifest.class);
        } catch (FileNotFoundException | NoSuchFileException e) {
            throw new CorruptBundleException(file + " is missing: " + file.getParent() + " holds no saved ranker", e);
        } catch (JsonProcessingException e) {
            throw new CorruptBundleException(file + " is not a valid ranker manifest: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CorruptBundleException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (manifest == null) {
            throw new CorruptBundleException(file + " is empty");
        }
        if (manifest.formatVersion() != FORMAT_VERSION) {
            throw new BundleException(
                    file + " has format " + manifest.formatVersion() + ", this build reads " + FORMAT_VERSION);
        }
        manifest.problem().ifPresent(problem -> {
            throw new CorruptBundleException(file + " " + problem);
        });
        return manifest;
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        all.forEach(Predictor::close);
        model.close();
    }
}
