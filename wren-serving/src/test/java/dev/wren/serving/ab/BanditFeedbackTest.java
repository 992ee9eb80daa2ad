package dev.wren.serving.ab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wren.core.explore.ArmStats;
import dev.wren.core.explore.LinUcb;
import dev.wren.serving.events.EventLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BanditFeedbackTest {
    static final double[] X = {1, 0.5, 0.25};

    @Test
    void countsExposuresAndClicksPerItem() {
        BanditFeedback f = new BanditFeedback(10);
        f.shown(List.of(1, 2, 3));
        f.shown(List.of(1, 2));
        f.clicked(7, 1);
        assertThat(f.stats(1)).isEqualTo(new ArmStats(1, 1, 2));
        assertThat(f.stats(3)).isEqualTo(new ArmStats(3, 0, 1));
        assertThat(f.stats(9)).isEqualTo(new ArmStats(9, 0, 0));
    }

    @Test
    void aClickedLinUcbChoiceIsRewardedAsIfUpdatedWithOne() {
        BanditFeedback f = new BanditFeedback(10);
        LinUcb<String> model = f.model("explore=ucb", 0.0);
        LinUcb<String> expected = new LinUcb<>("linucb", BanditFeedback.CONTEXT_DIMENSION, 0.0);
        expected.update("item-cf", X, 1);
        f.awaitReward(3, 42, model, "item-cf", X);
        f.clicked(3, 42);
        assertThat(model.score("item-cf", X))
                .isEqualTo(expected.score("item-cf", X))
                .isPositive();
        f.clicked(3, 42); // a second click finds nothing waiting: the choice is rewarded once
        assertThat(model.score("item-cf", X)).isEqualTo(expected.score("item-cf", X));
    }

    @Test
    void theOldestUnclickedChoiceCountsAsNotClickedWhenTooManyWait() {
        BanditFeedback f = new BanditFeedback(1);
        LinUcb<String> model = f.model("explore=ucb", 1.0);
        double prior = model.score("popular", X);
        f.awaitReward(1, 10, model, "popular", X);
        assertThat(model.score("popular", X)).isEqualTo(prior);
        f.awaitReward(2, 11, model, "popular", X); // pushes user 1's choice out: reward 0, a narrower bound
        assertThat(model.score("popular", X)).isLessThan(prior);
        f.clicked(1, 10); // too late to count
        LinUcb<String> once = new LinUcb<>("linucb", BanditFeedback.CONTEXT_DIMENSION, 1.0);
        once.update("popular", X, 0);
        assertThat(model.score("popular", X)).isEqualTo(once.score("popular", X));
    }

    @Test
    void theEventLogFeedsOnlyClicksItMadeDurable() {
        List<ObjectNode> written = new ArrayList<>();
        EventLog inner = new EventLog() {
            @Override
            public void append(ObjectNode record) {
                if (record.path("itemId").asInt() == 13) {
                    throw new dev.wren.serving.events.EventLogException("disk full", null);
                }
                written.add(record);
            }

            @Override
            public void offer(ObjectNode record) {}

            @Override
            public String describe() {
                return "test";
            }

            @Override
            public void close() {}
        };
        BanditFeedback f = new BanditFeedback(10);
        FeedbackEventLog log = new FeedbackEventLog(inner, f);
        f.shown(List.of(5, 13, 6));
        log.append(event(log, "click", 5));
        log.append(event(log, "rating", 6));
        try {
            log.append(event(log, "click", 13));
        } catch (dev.wren.serving.events.EventLogException expected) {
            // refused by the log: not a click anyone will analyse
        }
        assertThat(written).hasSize(2);
        assertThat(f.stats(5).clicks()).isEqualTo(1);
        assertThat(f.stats(6).clicks()).isZero();
        assertThat(f.stats(13).clicks()).isZero();
    }

    private static ObjectNode event(EventLog log, String type, int item) {
        ObjectNode n = log.record(EventLog.EVENT);
        n.put("type", type);
        n.put("userId", 1);
        n.put("itemId", item);
        return n;
    }
}
