package dev.wren.model.online;

import dev.wren.model.bundle.BundleManifest;
import dev.wren.model.bundle.ModelBundle;
import dev.wren.model.eval.RetrievalMetrics;
import dev.wren.model.topk.TopKRanker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a models folder ({@code <root>/<model>/v<N>/}, as {@link ModelBundle#save} writes it) offers for serving: the
 * latest version of each model, and the latest learned top-K ranker (saved by {@link TopKRanker#save} under
 * {@value #TOPK_RANKER}, which is not a model bundle). A version folder holding {@value #RETIRED} is retired (rolled
 * back, see {@link #rollback}): it is never served, so the served version is the newest one not retired. Retiring
 * is a marker and not a deletion or a pointer file, so version numbers are never reused and a save needs no second
 * write to become the served one. Stateless.
 */
public final class ModelsFolder {
    /** The model folder of the learned top-K ranker. */
    public static final String TOPK_RANKER = "topk-ranker";
    /** The marker file of a retired version: present means never serve this version. */
    public static final String RETIRED = "retired.json";

    private ModelsFolder() {}

    /** The newest version folder of the learned top-K ranker that is not among {@code refused}, if any. */
    public static Optional<Path> topKRanker(Path root, Set<Path> refused) {
        Path dir = root.resolve(TOPK_RANKER);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try {
            return newest(dir, refused);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Saves {@code ranker} as the next version of the learned top-K ranker under {@code root}; returns its folder. */
    public static Path saveTopKRanker(Path root, TopKRanker ranker) {
        Optional<Path> latest = ModelBundle.latest(root, TOPK_RANKER);
        int next = latest.map(p -> Integer.parseInt(p.getFileName().toString().substring(1)) + 1)
                .orElse(1);
        Path dir = root.resolve(TOPK_RANKER).resolve("v" + next);
        ranker.save(dir);
        return dir;
    }

    /** The file a save writes last in a version folder of {@code model}: once it is there, the version is whole. */
    public static String manifestName(String model) {
        return model.equals(TOPK_RANKER) ? TopKRanker.MANIFEST : ModelBundle.MANIFEST;
    }

    /**
     * The latest bundle of one model.
     *
     * @param dir the version folder
     * @param manifest its {@code bundle.json}
     */
    public record Entry(Path dir, BundleManifest manifest) {
        public boolean retrieval() {
            return manifest.spec().inBatchNegatives();
        }

        /** The validation Recall@50 of the kept epoch of a retrieval model, or NaN when the bundle records none. */
        public double validationRecall() {
            return manifest.report() == null
                    ? Double.NaN
                    : manifest.report()
                            .bestValidationRetrieval()
                            .map(RetrievalMetrics::recallAt50)
                            .orElse(Double.NaN);
        }

        /** The validation AUC of the kept epoch, or NaN when the bundle records none. */
        public double validationAuc() {
            return manifest.report() == null ? Double.NaN : manifest.report().bestValidationAuc();
        }
    }

    /**
     * The latest version of every model bundle under {@code root}, sorted by model name; empty when the folder is
     * absent. The learned top-K ranker's folder is not a bundle and is left out (see {@link #topKRanker}).
     *
     * @throws dev.wren.model.bundle.CorruptBundleException when a latest version's {@code bundle.json} is missing or
     *     malformed: a broken newest bundle is refused, never silently replaced by an older one
     */
    public static List<Entry> latest(Path root) {
        return latest(root, Set.of());
    }

    /**
     * The latest version of every model under {@code root} that is not among {@code refused} (version folders): with a
     * refused newest version, the version before it. Start-up uses it to serve the last good bundle when the newest
     * is broken.
     *
     * @throws dev.wren.model.bundle.CorruptBundleException as {@link #latest(Path)}
     */
    public static List<Entry> latest(Path root, Set<Path> refused) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.sorted().toList()) {
                if (!Files.isDirectory(child) || child.getFileName().toString().equals(TOPK_RANKER)) {
                    continue;
                }
                Optional<Path> dir = newest(child, refused);
                dir.ifPresent(d -> out.add(new Entry(d, ModelBundle.manifest(d))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The highest {@code v<N>} folder of one model ({@code <root>/<model>}) that is neither refused nor retired. */
    public static Optional<Path> newest(Path modelRoot, Set<Path> refused) throws IOException {
        Set<Path> normalised = new HashSet<>();
        refused.forEach(p -> normalised.add(p.toAbsolutePath().normalize()));
        List<Path> all = versions(modelRoot);
        for (int i = all.size() - 1; i >= 0; i--) {
            Path v = all.get(i);
            if (!normalised.contains(v.toAbsolutePath().normalize()) && !retired(v)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Every {@code v<N>} folder of one model, retired or not, in ascending version order. */
    public static List<Path> versions(Path modelRoot) throws IOException {
        if (!Files.isDirectory(modelRoot)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(modelRoot)) {
            return versions.filter(Files::isDirectory)
                    .filter(v -> v.getFileName().toString().matches("v[0-9]+"))
                    .sorted(Comparator.comparingInt(ModelsFolder::versionOf))
                    .toList();
        }
    }

    /** The number of a version folder {@code v<N>}. */
    public static int versionOf(Path versionDir) {
        return Integer.parseInt(versionDir.getFileName().toString().substring(1));
    }

    /** Whether a version folder is retired (rolled back). */
    public static boolean retired(Path versionDir) {
        return Files.exists(versionDir.resolve(RETIRED));
    }

    /**
     * Makes {@code to} (or, when empty, the version before the served one) the served version of {@code model}:
     * every newer version is retired and {@code to} itself is un-retired, so {@link #newest} (what serving and its
     * watcher choose) returns it, and a later save (a higher version) is served again. Versions below {@code to} are
     * left as they are. Works forwards too: {@code to} may be a retired newer version.
     *
     * @return the version folder now served
     * @throws IllegalArgumentException when the model, the version or an older version to go back to does not exist,
     *     or the target is not a complete bundle
     */
    public static Path rollback(Path root, String model, java.util.OptionalInt to) {
        Path modelRoot = root.resolve(model);
        try {
            List<Path> all = versions(modelRoot);
            if (all.isEmpty()) {
                throw new IllegalArgumentException("no versions of model '" + model + "' under " + root);
            }
            Path target;
            if (to.isPresent()) {
                target = all.stream()
                        .filter(v -> versionOf(v) == to.getAsInt())
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("model '" + model + "' has no version v"
                                + to.getAsInt() + "; it has "
                                + all.stream()
                                        .map(v -> v.getFileName().toString())
                                        .toList()));
            } else {
                Path served = newest(modelRoot, Set.of())
                        .orElseThrow(() -> new IllegalArgumentException(
                                "every version of model '" + model + "' is retired; name one with --to"));
                target = all.stream()
                        .filter(v -> versionOf(v) < versionOf(served) && !retired(v))
                        .reduce((a, b) -> b)
                        .orElseThrow(() -> new IllegalArgumentException("model '" + model + "' serves "
                                + served.getFileName() + " and has no older version that is not retired"));
            }
            String manifest = manifestName(model);
            if (!Files.isRegularFile(target.resolve(manifest))) {
                throw new IllegalArgumentException(target + " has no " + manifest + ": not a complete version");
            }
            String note = ModelBundle.mapper()
                    .writeValueAsString(java.util.Map.of(
                            "retiredAt",
                            java.time.Instant.now().toString(),
                            "reason",
                            "rolled back to " + target.getFileName()));
            for (Path v : all) {
                if (versionOf(v) > versionOf(target) && !retired(v)) {
                    Files.writeString(v.resolve(RETIRED), note);
                }
            }
            Files.deleteIfExists(target.resolve(RETIRED));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot roll back " + modelRoot + ": " + e.getMessage(), e);
        }
    }

    /** The ranking bundle with the best validation AUC (ties: the model name first in order). */
    public static Optional<Entry> bestRanker(List<Entry> entries) {
        return entries.stream()
                .filter(e -> !e.retrieval() && !Double.isNaN(e.validationAuc()))
                .max(Comparator.comparingDouble(Entry::validationAuc)
                        .thenComparing(e -> e.manifest().name(), Comparator.reverseOrder()));
    }

    /**
     * The retrieval (two-tower) bundle with the best validation Recall@50 (then AUC, for bundles that record no
     * recall), if any.
     */
    public static Optional<Entry> bestRetriever(List<Entry> entries) {
        return entries.stream()
                .filter(Entry::retrieval)
                .max(Comparator.comparingDouble(
                                (Entry e) -> Double.isNaN(e.validationRecall()) ? -1 : e.validationRecall())
                        .thenComparingDouble(e -> Double.isNaN(e.validationAuc()) ? -1 : e.validationAuc())
                        .thenComparing(e -> e.manifest().name(), Comparator.reverseOrder()));
    }
}
