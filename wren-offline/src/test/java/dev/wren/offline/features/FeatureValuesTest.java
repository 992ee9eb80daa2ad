package dev.wren.offline.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wren.core.features.UserFeatureRules;
import dev.wren.core.store.FeatureSchema;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Feature values on {@link TinyLog}, each worked out by hand. */
class FeatureValuesTest {
    private static final UserFeatureRules ONE_DAY_HALF_LIFE = new UserFeatureRules(3.5, 5, 5, 1, 180);

    private final Dataset<Row> events = RatingEvents.of(TinyLog.ratings(), TinyLog.items());
    private final UserFeatures users = new UserFeatures(ONE_DAY_HALF_LIFE);

    private Row event(Dataset<Row> rows, int user, int item) {
        return rows.filter("userId = " + user + " and itemId = " + item).first();
    }

    @Test
    void userFeaturesSeeOnlyEventsStrictlyBeforeIncludingTies() {
        Dataset<Row> pit = users.pointInTime(events).cache();

        Row first = event(pit, 1, 10);
        assertThat(first.<Long>getAs("userRatingCount")).isZero();
        assertThat(first.<Object>getAs("userRatingAvg")).isNull();
        assertThat(first.<Object>getList(first.fieldIndex("userRecentPositives")))
                .isEmpty();
        assertThat(first.<Object>getList(first.fieldIndex("userTopGenres"))).isEmpty();

        // Both events at t=200 see only t=100, never each other.
        for (int item : new int[] {20, 30}) {
            Row tie = event(pit, 1, item);
            assertThat(tie.<Long>getAs("userRatingCount")).isEqualTo(1);
            assertThat(tie.<Double>getAs("userRatingAvg")).isEqualTo(4.0);
            assertThat(tie.<Double>getAs("userRatingStd")).isEqualTo(0.0);
            assertThat(tie.<Double>getAs("userReleaseYearAvg")).isEqualTo(1990.0);
            assertThat(tie.<Integer>getList(tie.fieldIndex("userRecentPositives")))
                    .containsExactly(10);
            assertThat(tie.<String>getList(tie.fieldIndex("userTopGenres"))).containsExactly("Comedy", "Drama");
        }

        Row last = event(pit, 1, 40);
        assertThat(last.<Long>getAs("userRatingCount")).isEqualTo(3);
        assertThat(last.<Double>getAs("userRatingAvg")).isEqualTo(4.0);
        assertThat(last.<Double>getAs("userRatingStd")).isCloseTo(Math.sqrt(2.0 / 3), within(1e-12));
        assertThat(last.<Double>getAs("userReleaseYearAvg")).isEqualTo(2000.0);
        assertThat(last.<Double>getAs("userReleaseYearStd")).isCloseTo(Math.sqrt(200.0 / 3), within(1e-9));
        // Positives are items 10 (t=100) and 30 (t=200); item 20 was rated 3.0. Newest first.
        assertThat(last.<Integer>getList(last.fieldIndex("userRecentPositives")))
                .containsExactly(30, 10);
        assertThat(last.<String>getList(last.fieldIndex("userTopGenres"))).containsExactly("Drama", "Comedy");
    }

    @Test
    void topGenresWeighRecentPositivesMore() {
        Row row = event(users.pointInTime(events), 2, 30);
        // Unweighted counts would give Action 2, Comedy 2, Drama 1. With a one-day half-life, Action's positives are
        // 9 and 10 days old (weights 2^-9 + 2^-10), Drama's is 1 s old (~1) and Comedy has that plus 2^-9.
        assertThat(row.<String>getList(row.fieldIndex("userTopGenres"))).containsExactly("Comedy", "Drama", "Action");
    }

    @Test
    void itemPointInTimeFeaturesExcludeSameSecondRatings() {
        Dataset<Row> pit = ItemFeatures.pointInTime(events).cache();

        Row item20 = pit.filter("userId = 1 and itemId = 20").first();
        assertThat(item20.<Long>getAs("itemRatingCount")).isEqualTo(2); // user 2 at t=0, user 3 at t=150
        assertThat(item20.<Double>getAs("itemRatingAvg")).isEqualTo(3.5);
        assertThat(item20.<Double>getAs("itemRatingStd")).isEqualTo(1.5);
        assertThat(item20.<Long>getAs("itemFirstRatingTime")).isZero();
        assertThat(item20.<Long>getAs("itemLastRatingTime")).isEqualTo(150);

        Row item30 = pit.filter("userId = 1 and itemId = 30").first();
        assertThat(item30.<Long>getAs("itemRatingCount")).isZero(); // user 3's rating is in the same second
        assertThat(item30.<Object>getAs("itemRatingAvg")).isNull();
    }

    @Test
    void servingUserFeaturesAreThePointInTimeFeaturesAtTheEndOfTheLog() {
        Row u1 = users.serving(events).filter("userId = 1").first();

        assertThat(u1.<Long>getAs(FeatureSchema.RATING_COUNT)).isEqualTo(4);
        assertThat(u1.<Double>getAs(FeatureSchema.RATING_AVG)).isEqualTo(4.125);
        assertThat(u1.<Double>getAs(FeatureSchema.RELEASE_YEAR_AVG)).isEqualTo(2005.0);
        assertThat(u1.<Integer>getList(u1.fieldIndex(FeatureSchema.RECENT_POSITIVES)))
                .containsExactly(40, 30, 10);
        // Drama (t=100, t=200) vs Comedy (t=100, t=300) vs Action (t=300): at ~10 days the weights are all tiny
        // and Comedy's newest positive is the most recent.
        assertThat(u1.<String>getList(u1.fieldIndex(FeatureSchema.TOP_GENRES)))
                .containsExactly("Comedy", "Drama", "Action");
    }

    @Test
    void servingRowsAreTheStateTheSamplesPassReachesAfterEachUsersLastEvent() {
        // serving() runs its own pass; the samples' pass (history) ends each user with a query row after the log.
        List<Row> serving = users.serving(events).orderBy("userId").collectAsList();
        List<Row> fromHistory =
                UserFeatures.servingOf(users.history(events)).orderBy("userId").collectAsList();

        assertThat(serving).hasSize(3).isEqualTo(fromHistory);
    }

    @Test
    void servingItemFeaturesSummariseTheWholeLog() {
        List<String> vocabulary = ItemFeatures.genreVocabulary(TinyLog.items());
        assertThat(vocabulary).containsExactly("Action", "Comedy", "Drama");

        Dataset<Row> items = ItemFeatures.aggregate(TinyLog.ratings(), TinyLog.items(), vocabulary);
        Row item20 = items.filter("itemId = 20").first();

        assertThat(item20.<Long>getAs(FeatureSchema.RATING_COUNT)).isEqualTo(3);
        assertThat(item20.<Double>getAs(FeatureSchema.RATING_AVG)).isCloseTo(10.0 / 3, within(1e-12));
        assertThat(item20.<Double>getAs(FeatureSchema.RATING_STD))
                .isCloseTo(
                        Math.sqrt((Math.pow(5 - 10.0 / 3, 2) + Math.pow(3 - 10.0 / 3, 2) + Math.pow(2 - 10.0 / 3, 2))
                                / 3),
                        within(1e-12));
        assertThat(item20.<Long>getAs(FeatureSchema.FIRST_RATING_TIME)).isZero();
        assertThat(item20.<Long>getAs(FeatureSchema.LAST_RATING_TIME)).isEqualTo(200);
        assertThat(item20.<String>getAs("genre1")).isEqualTo("Action");
        assertThat(item20.<String>getAs("genre2")).isEqualTo(ItemFeatures.NO_GENRE);
        assertThat(((org.apache.spark.ml.linalg.Vector) item20.getAs("genreMultiHot")).toArray())
                .containsExactly(1.0, 0.0, 0.0);
        // Items 20 and 30 have three ratings each (ties by id), 10 and 40 two each.
        assertThat(items.orderBy(FeatureSchema.POPULARITY_RANK).select("itemId").collectAsList().stream()
                        .map(r -> r.getInt(0))
                        .toList())
                .containsExactly(20, 30, 10, 40);
    }
}
