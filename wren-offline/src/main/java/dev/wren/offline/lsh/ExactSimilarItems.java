package dev.wren.offline.lsh;

import dev.wren.core.rank.StreamingTopK;
import dev.wren.offline.embed.Neighbours;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Every item's k nearest items by cosine, found by comparing it with every other item: n^2 d multiply-adds, spread
 * over Spark tasks that each hold all unit vectors (broadcast) and take a share of the query items. Exact, so its
 * recall is 1 by construction; affordable up to about a hundred thousand items of a few dozen dimensions.
 * Immutable.
 */
final class ExactSimilarItems {
    /** Queries scored together against each item vector, so each vector is read from memory once per block. */
    private static final int BLOCK = 8;

    static final StructType SCHEMA = new StructType()
            .add("itemId", DataTypes.IntegerType, false)
            .add("similarId", DataTypes.IntegerType, false)
            .add("distance", DataTypes.DoubleType, false)
            .add("rank", DataTypes.IntegerType, false);

    private final int k;
    private final double maxDistance;

    ExactSimilarItems(int k, double maxDistance) {
        this.k = k;
        this.maxDistance = maxDistance;
    }

    /**
     * @param vectors the items' unit vectors, on the driver
     * @return {@code itemId, similarId, distance, rank}: the Euclidean distance of the unit vectors, rank 1 the nearest,
     *     ties by id; pairs further apart than the maximum distance left out
     */
    Dataset<Row> run(SparkSession spark, Neighbours vectors, int partitions) {
        UnitVectors unit = UnitVectors.of(vectors);
        Broadcast<UnitVectors> shared =
                JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(unit);
        int parts = Math.max(1, Math.min(partitions, unit.size()));
        return spark.range(0, unit.size(), 1, parts)
                .mapPartitions(new Scan(shared, k, maxDistance), Encoders.row(SCHEMA));
    }

    /** Row-major unit vectors with their item ids. A class, not a record: Spark's Kryo cannot build records. */
    static final class UnitVectors implements Serializable {
        private static final long serialVersionUID = 1L;

        private final int[] ids;
        private final float[] values;
        private final int dim;

        private UnitVectors(int[] ids, float[] values, int dim) {
            this.ids = ids;
            this.values = values;
            this.dim = dim;
        }

        static UnitVectors of(Neighbours vectors) {
            int[] ids = vectors.ids();
            int dim = ids.length == 0 ? 0 : vectors.unit(ids[0]).length;
            float[] values = new float[ids.length * dim];
            for (int i = 0; i < ids.length; i++) {
                System.arraycopy(vectors.unit(ids[i]), 0, values, i * dim, dim);
            }
            return new UnitVectors(ids, values, dim);
        }

        int size() {
            return ids.length;
        }

        int[] ids() {
            return ids;
        }

        float[] values() {
            return values;
        }

        int dim() {
            return dim;
        }
    }

    /** One task's share of the queries (row indexes), each scored against every item. */
    private record Scan(Broadcast<UnitVectors> shared, int k, double maxDistance)
            implements MapPartitionsFunction<Long, Row> {
        @Override
        public Iterator<Row> call(Iterator<Long> indexes) {
            UnitVectors v = shared.value();
            List<Row> out = new ArrayList<>();
            int[] block = new int[BLOCK];
            while (indexes.hasNext()) {
                int size = 0;
                while (size < BLOCK && indexes.hasNext()) {
                    block[size++] = (int) (long) indexes.next();
                }
                scoreBlock(v, block, size, out);
            }
            return out.iterator();
        }

        private void scoreBlock(UnitVectors v, int[] queries, int size, List<Row> out) {
            int dim = v.dim();
            float[] x = v.values();
            StreamingTopK[] best = new StreamingTopK[size];
            for (int q = 0; q < size; q++) {
                best[q] = new StreamingTopK(k);
            }
            float[] dots = new float[size];
            for (int j = 0; j < v.size(); j++) {
                int jo = j * dim;
                for (int q = 0; q < size; q++) {
                    int qo = queries[q] * dim;
                    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                    int d = 0;
                    for (; d + 3 < dim; d += 4) {
                        s0 += x[qo + d] * x[jo + d];
                        s1 += x[qo + d + 1] * x[jo + d + 1];
                        s2 += x[qo + d + 2] * x[jo + d + 2];
                        s3 += x[qo + d + 3] * x[jo + d + 3];
                    }
                    for (; d < dim; d++) {
                        s0 += x[qo + d] * x[jo + d];
                    }
                    dots[q] = (s0 + s1) + (s2 + s3);
                }
                for (int q = 0; q < size; q++) {
                    if (j != queries[q]) {
                        best[q].offer(dots[q], v.ids()[j]);
                    }
                }
            }
            for (int q = 0; q < size; q++) {
                int item = v.ids()[queries[q]];
                StreamingTopK top = best[q];
                for (int r = 0; r < top.size(); r++) {
                    // |u - w|^2 = 2 - 2 cos for unit vectors; rounding can take it a hair below zero.
                    double distance = Math.sqrt(Math.max(0, 2 - 2 * top.score(r)));
                    if (distance <= maxDistance) {
                        out.add(RowFactory.create(item, top.id(r), distance, r + 1));
                    }
                }
            }
        }
    }
}
