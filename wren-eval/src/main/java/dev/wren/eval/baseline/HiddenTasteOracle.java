package dev.wren.eval.baseline;

import dev.wren.core.model.Item;
import dev.wren.data.synthetic.HiddenTastes;
import dev.wren.eval.data.RatingLog;
import dev.wren.eval.data.TrainingData;
import dev.wren.eval.data.UserIndex;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * What an all-knowing recommender would do on Wren's synthetic data: rank by the generator's own choice model, log
 * popularity + sharpness x (user taste . movie taste), leaving out movies released after the user's last training
 * rating (the generator lets a user choose only movies out by then). No learned model can see these tastes; the gap to
 * it is what is left to learn. Thread-safe.
 */
public final class HiddenTasteOracle implements TopKRecommender {
    private final TrainingData data;
    private final HiddenTastes truth;
    private final double sharpness;
    private final int[] years; // by slot
    private final Map<Integer, Integer> lastYear; // user -> year of the last training rating

    public HiddenTasteOracle(TrainingData data, RatingLog train, Map<Integer, Item> catalogue, HiddenTastes truth) {
        this.data = data;
        this.truth = truth;
        this.sharpness =
                truth.params().path("config").path("selectionSharpness").asDouble();
        this.years = new int[data.items().size()];
        for (int s = 0; s < years.length; s++) {
            Item item = catalogue.get(data.items().id(s));
            years[s] = item == null ? Integer.MIN_VALUE : item.year().orElse(Integer.MIN_VALUE);
        }
        UserIndex users = data.users();
        this.lastYear = new java.util.HashMap<>();
        for (int u = 0; u < users.userCount(); u++) {
            int[] rows = users.rows(u);
            long last = train.timestamp(rows[rows.length - 1]);
            lastYear.put(
                    users.userId(u),
                    Instant.ofEpochSecond(last).atZone(ZoneOffset.UTC).getYear());
        }
    }

    @Override
    public String name() {
        return "oracle (hidden tastes)";
    }

    @Override
    public int[] recommend(int userId, int k) {
        float[] taste = truth.userTastes().get(userId);
        int until = lastYear.getOrDefault(userId, Integer.MAX_VALUE);
        float[] scores = new float[data.items().size()];
        for (int s = 0; s < scores.length; s++) {
            int id = data.items().id(s);
            float[] movie = truth.movieTastes().get(id);
            Double popularity = truth.moviePopularity().get(id);
            if (taste == null || movie == null || popularity == null || years[s] > until) {
                scores[s] = -1e9f;
                continue;
            }
            double dot = 0;
            for (int d = 0; d < movie.length; d++) {
                dot += taste[d] * movie[d];
            }
            scores[s] = (float) (Math.log(popularity) + sharpness * dot);
        }
        return SlotScores.best(scores, data.slotsOfUser(userId), k, data);
    }
}
