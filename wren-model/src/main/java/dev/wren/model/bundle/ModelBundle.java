package dev.wren.model.bundle;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.Fingerprint;
import dev.wren.model.train.TrainedModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves and loads model bundles: {@code <root>/<model-name>/v<N>/} with {@code bundle.json} and
 * {@code parameters.bin}. A new save never overwrites: it takes the next version. Thread-safe: stateless (concurrent
 * saves of the same model may race for a version number; the loser fails rather than overwrites).
 */
public final class ModelBundle {
    private static final Logger log = LoggerFactory.getLogger(ModelBundle.class);
    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST = "bundle.json";
    public static final String PARAMETERS = "parameters.bin";
    private static final Pattern VERSION = Pattern.compile("v(\\d+)");

    private ModelBundle() {}

    /** The JSON mapper bundles use (Optional-aware, indented). */
    public static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new Jdk8Module()).enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * Saves a trained model as the next version under {@code root/<name>}.
     *
     * @param metrics any JSON-serialisable metrics record
     * @param trainingDataHash e.g. {@link Fingerprint#of} of the training source
     * @return the new version folder
     */
    public static Path save(TrainedModel model, Path root, Object metrics, String trainingDataHash) {
        return save(model, root, metrics, trainingDataHash, dir -> {});
    }

    /**
     * As {@link #save(TrainedModel, Path, Object, String)}, writing extra files into the version folder before
     * {@code bundle.json}: a models watcher treats a version as whole once its manifest is there, so every file a
     * loader needs must exist by then.
     *
     * @param extras writes the extra files into the new version folder
     */
    public static Path save(
            TrainedModel model,
            Path root,
            Object metrics,
            String trainingDataHash,
            java.util.function.Consumer<Path> extras) {
        ObjectMapper mapper = mapper();
        Path modelRoot = root.resolve(model.spec().name());
        try {
            Files.createDirectories(modelRoot);
            int version = latestVersion(modelRoot) + 1;
            Path dir = modelRoot.resolve("v" + version);
            Files.createDirectory(dir);
            Path parameters = dir.resolve(PARAMETERS);
            try (DataOutputStream out =
                    new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(parameters)))) {
                model.model().getBlock().saveParameters(out);
            }
            extras.accept(dir);
            BundleManifest manifest = new BundleManifest(
                    FORMAT_VERSION,
                    model.spec().name(),
                    version,
                    Instant.now().toString(),
                    model.spec(),
                    model.layout(),
                    model.scaling(),
                    model.report(),
                    mapper.valueToTree(metrics),
                    trainingDataHash,
                    Fingerprint.ofFile(parameters));
            mapper.writeValue(dir.resolve(MANIFEST).toFile(), manifest);
            log.info("saved {} bundle version {} to {}", model.spec().name(), version, dir);
            return dir;
        } catch (IOException e) {
            throw new BundleException("cannot save bundle under " + modelRoot + ": " + e.getMessage(), e);
        }
    }

    /** The highest version folder under {@code root/<name>}, if any. */
    public static java.util.Optional<Path> latest(Path root, String name) {
        Path modelRoot = root.resolve(name);
        try {
            int version = latestVersion(modelRoot);
            return version == 0 ? java.util.Optional.empty() : java.util.Optional.of(modelRoot.resolve("v" + version));
        } catch (IOException e) {
            throw new BundleException("cannot list " + modelRoot + ": " + e.getMessage(), e);
        }
    }

    /** Reads and checks a bundle's manifest without loading parameters. */
    public static BundleManifest manifest(Path dir) {
        Path file = dir.resolve(MANIFEST);
        BundleManifest manifest;
        try {
            manifest = mapper().readValue(file.toFile(), BundleManifest.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new CorruptBundleException(file + " is missing: " + dir + " is not a model bundle", e);
        } catch (JsonProcessingException e) {
            throw new CorruptBundleException(file + " is not a valid bundle manifest: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CorruptBundleException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (manifest.formatVersion() != FORMAT_VERSION) {
            throw new BundleException(
                    file + " has bundle format " + manifest.formatVersion() + ", this build reads " + FORMAT_VERSION);
        }
        if (manifest.spec() == null || manifest.layout() == null || manifest.scaling() == null) {
            throw new CorruptBundleException(file + " lacks spec, layout or scaling");
        }
        return manifest;
    }

    /**
     * Loads a bundle for serving the offered layout on the CPU.
     *
     * @throws LayoutMismatchException if the bundle's layout differs from {@code offered}, naming the difference
     * @throws CorruptBundleException if a file is missing, malformed or fails its checksum
     */
    public static TrainedModel load(Path dir, FeatureLayout offered) {
        return load(dir, offered, Device.cpu());
    }

    public static TrainedModel load(Path dir, FeatureLayout offered, Device device) {
        BundleManifest manifest = manifest(dir);
        manifest.layout().differenceFrom(offered).ifPresent(difference -> {
            throw new LayoutMismatchException(
                    "bundle " + dir + " was trained with a different feature layout: " + difference);
        });
        Path parameters = dir.resolve(PARAMETERS);
        String actual;
        try {
            actual = Fingerprint.ofFile(parameters);
        } catch (IOException e) {
            throw new CorruptBundleException("cannot read " + parameters + ": " + e.getMessage(), e);
        }
        if (!actual.equals(manifest.parametersSha256())) {
            throw new CorruptBundleException(parameters + " is corrupt: SHA-256 " + actual + ", bundle.json records "
                    + manifest.parametersSha256());
        }
        Model model = Model.newInstance(manifest.name(), device, "PyTorch");
        try {
            model.setBlock(manifest.spec().newBlock(manifest.layout()));
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(parameters)))) {
                model.getBlock().loadParameters(model.getNDManager(), in);
            }
            return new TrainedModel(model, manifest.spec(), manifest.layout(), manifest.scaling(), manifest.report());
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new CorruptBundleException(
                    "cannot load parameters from " + parameters + " into " + manifest.name() + ": " + e.getMessage(),
                    e);
        }
    }

    private static int latestVersion(Path modelRoot) throws IOException {
        if (!Files.isDirectory(modelRoot)) {
            return 0;
        }
        int latest = 0;
        try (Stream<Path> children = Files.list(modelRoot)) {
            for (Path child : children.toList()) {
                Matcher m = VERSION.matcher(child.getFileName().toString());
                if (m.matches() && Files.isDirectory(child)) {
                    latest = Math.max(latest, Integer.parseInt(m.group(1)));
                }
            }
        }
        return latest;
    }
}
