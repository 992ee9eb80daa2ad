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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

/**
 * An HNSW-style ANN index (jvector) over item embeddings, by cosine similarity or by dot product (two-tower vectors,
 * whose dot product is the model's logit). Built once; searches are thread-safe (each search uses its own searcher
 * over the immutable graph). Small indexes and deep searches are answered by an exact scan instead (see {@link
 * #EXACT_SIZE}).
 */
public final class VectorIndex {
    private static final VectorTypeSupport VECTORS =
            VectorizationProvider.getInstance().getVectorTypeSupport();

    /** One hit: an item and its cosine similarity (or dot product) to the query. */
    public record Hit(int itemId, double score) {}

    /** How vectors compare. */
    public enum Similarity {
        COSINE(VectorSimilarityFunction.COSINE),
        DOT_PRODUCT(VectorSimilarityFunction.DOT_PRODUCT);

        private final VectorSimilarityFunction function;

        Similarity(VectorSimilarityFunction function) {
            this.function = function;
        }
    }

    private final int dimension;
    private final int[] itemIds; // graph node -> item id
    private final Map<Integer, float[]> vectors;
    private final ListRandomAccessVectorValues values;
    private final ImmutableGraphIndex graph; // null when empty
    private final Similarity similarity;
    /**
     * The vectors in tiles of {@value #TILE} nodes, unit length for cosine: the exact scan's input. Tile t holds, for
     * each dimension d, the tile's nodes' entries side by side (entry d of node n at {@code (n / TILE) * TILE * dimension
     * + d * TILE + n % TILE}). The scan keeps a tile's {@value #TILE} sums in registers over all dimensions and reads
     * each vector once: twice as fast as a column layout that streams the whole score array through the cache once per
     * dimension (measured 140-200 against 350-400 microseconds for 9,742 x 32 on a busy 2-core machine). Each sum still
     * adds its terms in dimension order, so scores are the same to the bit.
     */
    private final float[] tiles;

    /** Nodes per tile of the exact scan. */
    private static final int TILE = 8;
    /** Each item's nearest neighbours, computed on first use: the hot path asks for the same seeds again and again. */
    private final Map<Integer, List<Hit>> neighbours = new ConcurrentHashMap<>();

    /** How many neighbours {@link #neighbours} keeps per item. */
    public static final int NEIGHBOURS = 128;

    /**
     * Searches scan all vectors exactly, instead of walking the graph, when the index is this small or when k is at
     * least this fraction of it. Measured on 32-d vectors with k = 230 (a recall channel's usual ask) on a busy 2-core
     * machine: the scan costs about 25 ns per vector (0.25 ms CPU over 9,742 vectors, filter included) while the graph
     * search took 0.8-1.0 ms there, and is approximate; with k in the hundreds it visits most of a graph this small anyway.
     */
    static final int EXACT_SIZE = 16384;

    static final int EXACT_FRACTION = 8;

    private VectorIndex(
            int dimension,
            int[] itemIds,
            Map<Integer, float[]> vectors,
            ListRandomAccessVectorValues values,
            ImmutableGraphIndex graph,
            Similarity similarity) {
        this.similarity = similarity;
        int tileCount = (itemIds.length + TILE - 1) / TILE;
        this.tiles = new float[tileCount * TILE * dimension];
        for (int n = 0; n < itemIds.length; n++) {
            float[] v = vectors.get(itemIds[n]);
            double scale = similarity == Similarity.COSINE ? 1 / norm(v) : 1;
            int at = (n / TILE) * TILE * dimension + n % TILE;
            for (int d = 0; d < dimension; d++) {
                tiles[at + d * TILE] = (float) (v[d] * scale);
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
        return new VectorIndex(dimension, new int[0], Map.of(), null, null, Similarity.COSINE);
    }

    /**
     * Builds the graph over these vectors; zero vectors are skipped, since cosine similarity is undefined for them.
     *
     * @throws IllegalArgumentException when a vector has another dimension
     */
    public static VectorIndex build(Map<Integer, float[]> byItem, int dimension) {
        return build(byItem, dimension, Similarity.COSINE);
    }

    /** Builds the graph with this similarity; zero vectors are skipped. */
    public static VectorIndex build(Map<Integer, float[]> byItem, int dimension, Similarity similarity) {
        List<Integer> ids = new ArrayList<>();
        List<VectorFloat<?>> list = new ArrayList<>();
        Map<Integer, float[]> kept = new HashMap<>();
        byItem.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            float[] v = e.getValue();
            if (v.length != dimension) {
                throw new IllegalArgumentException("item " + e.getKey() + " has an embedding of dimension " + v.length
                        + ", expected " + dimension);
            }
            if (norm(v) > 0) {
                ids.add(e.getKey());
                list.add(VECTORS.createFloatVector(v.clone()));
                kept.put(e.getKey(), v.clone());
            }
        });
        if (ids.isEmpty()) {
            return empty(dimension);
        }
        ListRandomAccessVectorValues values = new ListRandomAccessVectorValues(list, dimension);
        // M = 16, beam 100: jvector's usual defaults, recall@10 near 0.97 on 50k x 64-d in our measurements.
        try (GraphIndexBuilder builder = GraphIndexBuilder.builder(values, similarity.function, 16)
                .withBeamWidth(100)
                .withNeighborOverflow(1.2f)
                .withAlpha(1.2f)
                .build()) {
            ImmutableGraphIndex graph = builder.build(values);
            return new VectorIndex(
                    dimension,
                    ids.stream().mapToInt(Integer::intValue).toArray(),
                    IntKeys.freeze(kept),
                    values,
                    graph,
                    similarity);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the ANN index: " + e.getMessage(), e);
        }
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
        if (graph == null || k <= 0 || query.length != dimension || norm(query) == 0) {
            return List.of();
        }
        if (itemIds.length <= EXACT_SIZE || (long) k * EXACT_FRACTION >= itemIds.length) {
            return exact(query, Math.min(k, itemIds.length), accept);
        }
        SearchResult result = GraphSearcher.search(
                VECTORS.createFloatVector(query.clone()),
                Math.min(k, itemIds.length),
                values,
                similarity.function,
                graph,
                node -> accept.test(itemIds[node]));
        List<Hit> hits = new ArrayList<>();
        for (SearchResult.NodeScore ns : result.getNodes()) {
            // jvector maps cosine and dot product into [0, 1] as (1 + x) / 2; map it back.
            hits.add(new Hit(itemIds[ns.node], 2 * ns.score - 1));
        }
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
    private List<Hit> exact(float[] query, int k, IntPredicate accept) {
        double scale = similarity == Similarity.COSINE ? 1 / norm(query) : 1;
        int n = itemIds.length;
        float[] q = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            q[d] = (float) (query[d] * scale);
        }
        int tileCount = (n + TILE - 1) / TILE;
        float[] scores = new float[tileCount * TILE];
        for (int t = 0; t < tileCount; t++) {
            int at = t * TILE * dimension;
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            for (int d = 0; d < dimension; d++, at += TILE) {
                float qd = q[d];
                s0 += qd * tiles[at];
                s1 += qd * tiles[at + 1];
                s2 += qd * tiles[at + 2];
                s3 += qd * tiles[at + 3];
                s4 += qd * tiles[at + 4];
                s5 += qd * tiles[at + 5];
                s6 += qd * tiles[at + 6];
                s7 += qd * tiles[at + 7];
            }
            int o = t * TILE;
            scores[o] = s0;
            scores[o + 1] = s1;
            scores[o + 2] = s2;
            scores[o + 3] = s3;
            scores[o + 4] = s4;
            scores[o + 5] = s5;
            scores[o + 6] = s6;
            scores[o + 7] = s7;
        }
        // A bounded heap of node numbers whose root is the worst kept: O(n log k), no boxing.
        int[] heap = new int[k];
        int size = 0;
        for (int i = 0; i < n; i++) {
            if (size == k && !better(i, heap[0], scores) || !accept.test(itemIds[i])) {
                continue;
            }
            if (size < k) {
                heap[size] = i;
                up(heap, size++, scores);
            } else {
                heap[0] = i;
                down(heap, size, scores);
            }
        }
        Hit[] hits = new Hit[size];
        for (int at = size - 1; at >= 0; at--) {
            int worst = heap[0];
            hits[at] = new Hit(itemIds[worst], scores[worst]);
            heap[0] = heap[--size];
            down(heap, size, scores);
        }
        return List.of(hits);
    }

    /** Whether node a ranks before node b: a higher score, or the same score and a smaller item id. */
    private boolean better(int a, int b, float[] scores) {
        return scores[a] > scores[b] || (scores[a] == scores[b] && itemIds[a] < itemIds[b]);
    }

    private void up(int[] heap, int at, float[] scores) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!better(heap[parent], heap[at], scores)) {
                return;
            }
            int t = heap[parent];
            heap[parent] = heap[at];
            heap[at] = t;
            at = parent;
        }
    }

    private void down(int[] heap, int size, float[] scores) {
        int at = 0;
        while (true) {
            int worst = at;
            int left = 2 * at + 1;
            int right = left + 1;
            if (left < size && better(heap[worst], heap[left], scores)) {
                worst = left;
            }
            if (right < size && better(heap[worst], heap[right], scores)) {
                worst = right;
            }
            if (worst == at) {
                return;
            }
            int t = heap[worst];
            heap[worst] = heap[at];
            heap[at] = t;
            at = worst;
        }
    }

    static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
