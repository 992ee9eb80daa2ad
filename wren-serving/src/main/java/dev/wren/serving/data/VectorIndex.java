package dev.wren.serving.data;

import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.ListRandomAccessVectorValues;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

/**
 * An HNSW-style ANN index (jvector) over item embeddings, by cosine similarity or by dot product (two-tower vectors,
 * whose dot product is the model's logit). Built once; searches are thread-safe (each search uses its own searcher
 * over the immutable graph). Small indexes, deep searches and searches made while the graph is still being built are
 * answered by an exact scan instead (see {@link #EXACT_SIZE}).
 */
public final class VectorIndex {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(VectorIndex.class);
    private static final VectorTypeSupport VECTORS =
            VectorizationProvider.getInstance().getVectorTypeSupport();

    /** One hit: an item and its cosine similarity (or dot product) to the query. */
    public record Hit(int itemId, double score) {}

    /** How vectors compare. */
    public enum Similarity {
        COSINE,
        DOT_PRODUCT
    }

    private final int dimension;
    private final int[] itemIds; // graph node -> item id, ascending
    private final Map<Integer, float[]> vectors;
    private final ListRandomAccessVectorValues values;
    /** Built in the background for large indexes; until then, and for small ones, searches scan exactly. */
    private final CompletableFuture<ImmutableGraphIndex> graph;

    private final Similarity similarity;
    /**
     * The vectors by dimension, unit length for cosine: column d holds every node's entry d. The exact scan adds {@code
     * q[d] * column[d][j]} into an array of sums over blocks of {@value #BLOCK} nodes, one dimension at a time: a loop
     * over adjacent floats with the same index in both arrays, which C2 compiles to SIMD instructions, while the block's
     * sums stay in the L1 cache. Each sum still adds its terms in dimension order, so scores are the same to the bit as
     * a plain dot product's.
     */
    private final float[][] columns;

    /** Nodes per block of the exact scan: long enough for SIMD loops, short enough that the sums stay in L1. */
    static final int BLOCK = 1024;

    /** Score buckets of the exact scan's selection. */
    private static final int BUCKETS = 1024;

    /** Each item's nearest neighbours, computed on first use: the hot path asks for the same seeds again and again. */
    private final Map<Integer, List<Hit>> neighbours = new ConcurrentHashMap<>();

    /** How many neighbours {@link #neighbours} keeps per item. */
    public static final int NEIGHBOURS = 128;

    /**
     * Indexes of at most this many vectors have no graph: a scan is exact and, at this size, about as fast as a walk
     * (figures in wren-serving/BENCHMARK.md, "ANN index"). Larger ones also scan when k is at least {@link
     * #EXACT_FRACTION}th of the index, since a walk that deep visits most of the graph anyway.
     */
    static final int EXACT_SIZE = 16384;

    static final int EXACT_FRACTION = 8;

    private VectorIndex(
            int dimension,
            int[] itemIds,
            Map<Integer, float[]> vectors,
            ListRandomAccessVectorValues values,
            CompletableFuture<ImmutableGraphIndex> graph,
            Similarity similarity) {
        this.similarity = similarity;
        this.columns = new float[dimension][itemIds.length];
        for (int n = 0; n < itemIds.length; n++) {
            float[] v = vectors.get(itemIds[n]);
            double scale = similarity == Similarity.COSINE ? 1 / norm(v) : 1;
            for (int d = 0; d < dimension; d++) {
                columns[d][n] = (float) (v[d] * scale);
            }
        }
        this.dimension = dimension;
        this.itemIds = itemIds;
        this.vectors = vectors;
        this.values = values;
        this.graph = graph;
    }

    /** An index with no vectors: every search finds nothing. */
    public static VectorIndex empty(int dimension) {
        return new VectorIndex(
                dimension, new int[0], Map.of(), null, CompletableFuture.completedFuture(null), Similarity.COSINE);
    }

    /**
     * Builds the graph over these vectors; zero vectors are skipped, since cosine similarity is undefined for them.
     *
     * @throws IllegalArgumentException when a vector has another dimension
     */
    public static VectorIndex build(Map<Integer, float[]> byItem, int dimension) {
        return build(byItem, dimension, Similarity.COSINE);
    }

    /**
     * An index with this similarity; zero vectors are skipped. Above {@link #EXACT_SIZE} vectors it builds its graph in
     * the background.
     */
    public static VectorIndex build(Map<Integer, float[]> byItem, int dimension, Similarity similarity) {
        return build(byItem, dimension, similarity, false);
    }

    /** An index with its graph built before it returns, whatever its size: for the recall check and benchmarks. */
    static VectorIndex withGraph(Map<Integer, float[]> byItem, int dimension, Similarity similarity) {
        return build(byItem, dimension, similarity, true);
    }

    private static VectorIndex build(
            Map<Integer, float[]> byItem, int dimension, Similarity similarity, boolean graphAlways) {
        List<Integer> ids = new ArrayList<>();
        Map<Integer, float[]> kept = new HashMap<>();
        byItem.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            float[] v = e.getValue();
            if (v.length != dimension) {
                throw new IllegalArgumentException("item " + e.getKey() + " has an embedding of dimension " + v.length
                        + ", expected " + dimension);
            }
            if (norm(v) > 0) {
                ids.add(e.getKey());
                kept.put(e.getKey(), v.clone());
            }
        });
        if (ids.isEmpty()) {
            return empty(dimension);
        }
        double maxNorm = 0;
        for (float[] v : kept.values()) {
            maxNorm = Math.max(maxNorm, norm(v));
        }
        List<VectorFloat<?>> list = new ArrayList<>();
        for (int id : ids) {
            list.add(VECTORS.createFloatVector(graphVector(kept.get(id), similarity, maxNorm)));
        }
        ListRandomAccessVectorValues values =
                new ListRandomAccessVectorValues(list, graphDimension(dimension, similarity));
        CompletableFuture<ImmutableGraphIndex> graph;
        if (ids.size() <= EXACT_SIZE && !graphAlways) {
            graph = CompletableFuture.completedFuture(null);
        } else if (graphAlways) {
            graph = CompletableFuture.completedFuture(buildGraph(values));
        } else {
            // A server must not wait minutes for its graph at start-up: it serves by exact scan meanwhile.
            graph = new CompletableFuture<>();
            CompletableFuture<ImmutableGraphIndex> building = graph;
            Thread builder = new Thread(
                    () -> {
                        try {
                            building.complete(buildGraph(values));
                        } catch (RuntimeException | Error e) {
                            log.warn("cannot build the ANN graph, searching by exact scan: {}", e.toString());
                            building.complete(null);
                        }
                    },
                    "ann-graph-build");
            builder.setDaemon(true);
            builder.start();
        }
        return new VectorIndex(
                dimension,
                ids.stream().mapToInt(Integer::intValue).toArray(),
                IntKeys.freeze(kept),
                values,
                graph,
                similarity);
    }

    private static ImmutableGraphIndex buildGraph(ListRandomAccessVectorValues values) {
        // M = 16, beam 100: jvector's usual defaults; recall against the exact scan is checked in
        // VectorIndexRecallTest.
        try (GraphIndexBuilder builder = GraphIndexBuilder.builder(values, VectorSimilarityFunction.COSINE, 16)
                .withBeamWidth(100)
                .withNeighborOverflow(1.2f)
                .withAlpha(1.2f)
                .build()) {
            return builder.build(values);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the ANN index: " + e.getMessage(), e);
        }
    }

    /** Waits until the graph is built (or known not to be); for tests and benchmarks. */
    void awaitGraph() {
        graph.join();
    }

    private static int graphDimension(int dimension, Similarity similarity) {
        return similarity == Similarity.DOT_PRODUCT ? dimension + 1 : dimension;
    }

    /**
     * The vector the graph holds. A proximity graph finds nearest neighbours, and the largest dot product is not a
     * nearest neighbour (a long vector beats a close one), so for dot products each item gets one more entry,
     * {@code sqrt(maxNorm^2 - |v|^2)}, that gives every item the same length (Bachrach et al., RecSys 2014): a query
     * with 0 in that entry then has the same dot product with each item as before, and ranking by cosine ranks by it.
     */
    private static float[] graphVector(float[] v, Similarity similarity, double maxNorm) {
        if (similarity == Similarity.COSINE) {
            return v.clone();
        }
        float[] out = java.util.Arrays.copyOf(v, v.length + 1);
        double n = norm(v);
        out[v.length] = (float) Math.sqrt(Math.max(0, maxNorm * maxNorm - n * n));
        return out;
    }

    public int dimension() {
        return dimension;
    }

    public int size() {
        return itemIds.length;
    }

    /** The item's vector, when it has one. The array is shared: do not modify it. */
    public Optional<float[]> vector(int itemId) {
        return Optional.ofNullable(vectors.get(itemId));
    }

    /** The {@code k} nearest items to the query, most similar first. */
    public List<Hit> search(float[] query, int k) {
        return search(query, k, id -> true);
    }

    /**
     * The {@code k} nearest items to the query that the filter accepts, most similar first. Filtering inside the
     * search, rather than over-fetching and dropping afterwards, keeps k at what the caller needs.
     */
    public List<Hit> search(float[] query, int k, IntPredicate accept) {
        if (itemIds.length == 0 || k <= 0 || query.length != dimension || norm(query) == 0) {
            return List.of();
        }
        if (graph.getNow(null) == null || (long) k * EXACT_FRACTION >= itemIds.length) {
            return exact(query, Math.min(k, itemIds.length), accept);
        }
        return graphSearch(query, k, accept, beam(k));
    }

    /**
     * How many candidates a graph search keeps while it walks: with the beam only as wide as k, a shallow search stops
     * at a local optimum and misses a true neighbour in ten; a wider beam costs proportionally more visits.
     */
    static int beam(int k) {
        return Math.max(SEARCH_BEAM, k);
    }

    /** The smallest beam of a graph search. */
    static final int SEARCH_BEAM = 100;

    /** The approximate search over the graph, whatever the index's size; for the recall check against {@link #exact}. */
    List<Hit> graphSearch(float[] query, int k, IntPredicate accept, int beam) {
        ImmutableGraphIndex built = graph.join();
        if (built == null || k <= 0 || query.length != dimension || norm(query) == 0) {
            return List.of();
        }
        int topK = Math.min(k, itemIds.length);
        SearchResult result = GraphSearcher.search(
                VECTORS.createFloatVector(java.util.Arrays.copyOf(query, graphDimension(dimension, similarity))),
                topK,
                Math.max(topK, Math.min(beam, itemIds.length)),
                values,
                VectorSimilarityFunction.COSINE,
                built,
                node -> accept.test(itemIds[node]));
        List<Hit> hits = new ArrayList<>();
        for (SearchResult.NodeScore ns : result.getNodes()) {
            int node = ns.node;
            // The graph ranked by cosine; the hit's score is the index's own similarity, computed exactly.
            hits.add(new Hit(itemIds[node], score(query, node)));
        }
        hits.sort(java.util.Comparator.comparingDouble((Hit h) -> -h.score()).thenComparingInt(Hit::itemId));
        return hits;
    }

    /**
     * The item's {@value #NEIGHBOURS} nearest other items, most similar first; empty when it has no vector. Computed
     * once per item and kept: the lists are a pure function of the immutable index.
     */
    public List<Hit> neighbours(int itemId) {
        float[] v = vectors.get(itemId);
        if (v == null) {
            return List.of();
        }
        return neighbours.computeIfAbsent(itemId, id -> search(v, NEIGHBOURS, other -> other != id));
    }

    /** The k best by a full scan, best first, ties by item id. */
    List<Hit> exact(float[] query, int k, IntPredicate accept) {
        double scale = similarity == Similarity.COSINE ? 1 / norm(query) : 1;
        int n = itemIds.length;
        float[] q = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            q[d] = (float) (query[d] * scale);
        }
        float[] sums = new float[n];
        for (int first = 0; first < n; first += BLOCK) {
            int end = Math.min(n, first + BLOCK);
            for (int d = 0; d < dimension; d++) {
                float qd = q[d];
                float[] column = columns[d];
                for (int j = first; j < end; j++) {
                    sums[j] += qd * column[j];
                }
            }
        }
        return best(sums, k, accept);
    }

    /**
     * The k best accepted nodes by score, ties by item id, best first. A bounded heap costs a mispredicted branch per
     * comparison, and over thousands of nodes with k in the hundreds that was more than the scan itself. Instead a
     * histogram of the scores over {@value #BUCKETS} equal-width buckets finds the lowest bucket that can hold the k-th
     * best; only the nodes from that bucket up are offered to the filter and sorted. A lower bucket means a lower
     * score (the bucket is a monotone function of the score), so nothing left out could have made the list. When the
     * filter rejects too many, the next buckets down are added until k are accepted or none are left.
     *
     * <p>{@link TopK#best} selects the same way over double scores without a filter; sharing it here (widening the
     * sums to doubles, the filter over positions) made a search about 30 % slower.
     */
    private List<Hit> best(float[] scores, int k, IntPredicate accept) {
        int n = scores.length;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float x : scores) {
            // Plain comparisons: Math.min and max handle NaN and -0.0 with branches the JIT does not vectorise.
            min = x < min ? x : min;
            max = x > max ? x : max;
        }
        float scale = max > min ? (BUCKETS - 1) / (max - min) : 0;
        int[] counts = new int[BUCKETS];
        for (float x : scores) {
            counts[bucket(x, min, scale)]++;
        }
        long[] kept = new long[Math.min(n, 2 * k + 64)];
        int accepted = 0;
        int from = BUCKETS; // buckets [from, upTo) are offered next
        // The filter rejects some (seen items, say); a few more sorted keys cost less than another pass over the
        // scores.
        int margin = 8 + k / 4;
        while (accepted < k && from > 0) {
            int upTo = from;
            // Take buckets until they could hold the missing nodes and a margin for the filter's rejections.
            for (int wanted = k - accepted + margin; from > 0 && wanted > 0; ) {
                wanted -= counts[--from];
            }
            margin *= 4;
            for (int node = 0; node < n; node++) {
                int bucket = bucket(scores[node], min, scale);
                if (bucket >= from && bucket < upTo && accept.test(itemIds[node])) {
                    if (accepted == kept.length) {
                        kept = java.util.Arrays.copyOf(kept, kept.length * 2);
                    }
                    kept[accepted++] = descending(scores[node], node);
                }
            }
        }
        // The packed keys sort by score descending, then by node, which is item id order.
        java.util.Arrays.sort(kept, 0, accepted);
        Hit[] hits = new Hit[Math.min(k, accepted)];
        for (int i = 0; i < hits.length; i++) {
            int node = (int) kept[i];
            hits[i] = new Hit(itemIds[node], scores[node]);
        }
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(hits));
    }

    /** The score's bucket: a monotone function of the score, the same in both passes. */
    private static int bucket(float score, float min, float scale) {
        return Math.min(BUCKETS - 1, (int) ((score - min) * scale));
    }

    /** A key that sorts ascending as the score descends, then as the node ascends. */
    private static long descending(float score, int node) {
        int bits = Float.floatToIntBits(score);
        int ascending = bits ^ ((bits >> 31) & 0x7fffffff);
        return ((long) ~ascending << 32) | node;
    }

    /** The query's similarity to the node's vector, from the scan's columns (unit length for cosine). */
    private double score(float[] query, int node) {
        double dot = 0;
        for (int d = 0; d < dimension; d++) {
            dot += query[d] * columns[d][node];
        }
        return similarity == Similarity.COSINE ? dot / norm(query) : dot;
    }

    static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
