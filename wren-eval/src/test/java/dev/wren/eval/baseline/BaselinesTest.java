package dev.wren.eval.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.eval.data.ItemSpace;
import dev.wren.eval.data.RatingLog;
import dev.wren.eval.data.TrainingData;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselinesTest {
    /**
     * Two taste groups: users 1-10 take items 1-3, users 11-20 items 4-6; item 7 is taken by everyone, so it is the most
     * popular. User 1 has not seen item 3; user 11 has not seen item 6.
     */
    private static TrainingData data() {
        RatingLog.Builder b = RatingLog.builder();
        for (int u = 1; u <= 20; u++) {
            int base = u <= 10 ? 1 : 4;
            for (int i = base; i < base + 3; i++) {
                if ((u == 1 && i == 3) || (u == 11 && i == 6)) {
                    continue;
                }
                b.add(u, i, 4, i);
            }
            b.add(u, 7, 3, 10);
        }
        return new TrainingData(b.build(), new ItemSpace(List.of(1, 2, 3, 4, 5, 6, 7, 8)));
    }

    @Test
    void itemKnnRecommendsTheMissingItemOfTheUsersGroup() {
        TopKRecommender knn = new ItemKnn(data(), 10);

        assertThat(knn.recommend(1, 1)).containsExactly(3);
        assertThat(knn.recommend(11, 1)).containsExactly(6);
    }

    @Test
    void easeRecommendsTheMissingItemOfTheUsersGroup() {
        TopKRecommender ease = new EaseRecommender(data(), 1.0, 1, Baselines.EASE_MAX_ITEMS);

        assertThat(ease.recommend(1, 1)).containsExactly(3);
        assertThat(ease.recommend(11, 1)).containsExactly(6);
        // Never a training item, and the unmodelled item 8 (no interactions) comes last.
        int[] all = ease.recommend(1, 10);
        assertThat(all).doesNotContain(1, 2, 7).endsWith(8);
    }

    @Test
    void easeModelsOnlyTheMostTakenItemsUpToItsCap() {
        // Items 7 (20 users) and 1, 2, 4, 5 (10 each) are modelled; 3 and 6 (9 each) are not, and rank below them.
        TopKRecommender ease = new EaseRecommender(data(), 1.0, 1, 5);

        assertThat(ease.recommend(1, 2)).containsExactlyInAnyOrder(4, 5);
        assertThat(ease.recommend(1, 5)).endsWith(8);
    }

    @Test
    void popularityRecommendsTheMostTakenUnseenItemsFirst() {
        TopKRecommender popularity = new Popularity(data());

        assertThat(popularity.recommend(1, 2)).containsExactly(4, 5);
    }
}
