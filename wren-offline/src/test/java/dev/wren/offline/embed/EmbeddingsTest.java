package dev.wren.offline.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.offline.EmbeddingParams;
import dev.wren.offline.TestSpark;
import dev.wren.offline.samples.Samples;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class EmbeddingsTest {
    private static final EmbeddingParams PARAMS = new EmbeddingParams(16, 5, 10, 1, 10, 10, 1.0, 0.5, 1000, "item2vec");

    private final Dataset<Row> ratings = PlantedClusters.ratings(200, 11).cache();
    private final Dataset<Row> positives = Sequences.positives(ratings, 3.5);

    /** The share of items' 5 nearest neighbours that are in the item's own cluster. */
    private static double clusterPurity(Neighbours neighbours) {
        int same = 0;
        int total = 0;
        for (int item : neighbours.ids()) {
            for (int n : neighbours.nearest(item, 5, Set.of())) {
                same += PlantedClusters.cluster(n) == PlantedClusters.cluster(item) ? 1 : 0;
                total++;
            }
        }
        return (double) same / total;
    }

    @Test
    void item2vecRecoversPlantedNeighbourhoods() {
        Dataset<Row> vectors = new Item2Vec(PARAMS, 5).fit(Sequences.sentences(positives));

        assertThat(vectors.count()).isEqualTo(PlantedClusters.CLUSTERS * PlantedClusters.SIZE);
        // Chance is 9/39 = 0.23.
        assertThat(clusterPurity(Neighbours.of(vectors))).isGreaterThan(0.9);
    }

    @Test
    void item2vecIsReproducibleForASeed() {
        List<Row> a = new Item2Vec(PARAMS, 5)
                .fit(Sequences.sentences(positives))
                .orderBy("itemId")
                .collectAsList();
        List<Row> b = new Item2Vec(PARAMS, 5)
                .fit(Sequences.sentences(positives))
                .orderBy("itemId")
                .collectAsList();
        assertThat(((Vector) a.get(3).get(1)).toArray())
                .containsExactly(((Vector) b.get(3).get(1)).toArray());
    }

    @Test
    void deepWalkAndNode2vecRecoverPlantedNeighbourhoods() {
        RandomWalks walks = new RandomWalks(TestSpark.session(), PARAMS, 5);
        Dataset<Row> transitions = Sequences.transitions(positives);

        assertThat(clusterPurity(Neighbours.of(walks.deepWalk(transitions)))).isGreaterThan(0.9);
        assertThat(clusterPurity(Neighbours.of(walks.node2vec(transitions)))).isGreaterThan(0.9);
    }

    @Test
    void embeddingNeighboursBeatPopularityOnNextItemHits() {
        Dataset<Row> split = Samples.withUserSplit(ratings, 1);
        Dataset<Row> train = split.filter("userSplit = 'train'");
        Dataset<Row> test = split.filter("userSplit = 'test'");
        Dataset<Row> vectors = new Item2Vec(PARAMS, 5).fit(Sequences.sentences(Sequences.positives(train, 3.5)));

        Map<String, NextItemEvaluation.Score> scores = new NextItemEvaluation(10, 1000, 1, 3.5)
                .evaluate(train, test, Map.of("item2vec", Neighbours.of(vectors)));

        assertThat(scores.get("item2vec").users()).isPositive();
        assertThat(scores.get("item2vec").hitRate())
                .isGreaterThan(scores.get("popularity").hitRate() + 0.3);
    }

    @Test
    void userEmbeddingIsTheRecencyWeightedMeanOfPositiveItems() {
        Dataset<Row> items = TestSpark.session()
                .sql("select 1 as itemId, array(1.0d, 0.0d) as v union all select 2, array(0.0d, 1.0d)")
                .select(
                        org.apache.spark.sql.functions.col("itemId"),
                        org.apache
                                .spark
                                .ml
                                .functions
                                .array_to_vector(org.apache.spark.sql.functions.col("v"))
                                .as("vector"));
        Dataset<Row> pos =
                TestSpark.session().sql("select 7 as userId, 1 as itemId, 0L as ts union all select 7, 2, 86400L");

        // As of day 2, with a one-day half-life: weights 0.25 (item 1) and 0.5 (item 2).
        Row user = UserEmbeddings.recencyWeighted(pos, items, 2 * 86_400L, 1).first();

        assertThat(((Vector) user.get(1)).toArray()).containsExactly(0.25 / 0.75, 0.5 / 0.75);
    }

    @Test
    void walksFollowEdgesAndRepeatForASeed() {
        Dataset<Row> transitions = Sequences.transitions(positives);
        TransitionGraph graph = TransitionGraph.of(transitions.collectAsList());
        Set<String> edges = Set.copyOf(transitions.collectAsList().stream()
                .map(r -> r.getInt(0) + ">" + r.getInt(1))
                .toList());

        List<String> walk = graph.walk(1, 0, 20, 1.0, 0.5, 9);

        assertThat(walk).isEqualTo(graph.walk(1, 0, 20, 1.0, 0.5, 9));
        for (int i = 1; i < walk.size(); i++) {
            assertThat(edges).contains(walk.get(i - 1) + ">" + walk.get(i));
        }
    }
}
