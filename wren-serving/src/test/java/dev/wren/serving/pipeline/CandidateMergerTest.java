package dev.wren.serving.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.RequestContext;
import dev.wren.core.recommend.Retriever;
import dev.wren.core.recommend.UserView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidateMergerTest {
    private static Retriever<UserView> channel(String name, int... items) {
        return (context, budget) -> {
            List<Candidate> out = new ArrayList<>();
            for (int i = 0; i < items.length && out.size() < budget; i++) {
                out.add(new Candidate(items[i], name, items.length - i, name + " reason"));
            }
            return out;
        };
    }

    @Test
    void givesEachChannelItsQuotaAndKeepsAnItemFromItsFirstChannel() {
        Map<String, Retriever<UserView>> retrievers = Map.of(
                "a", channel("a", 1, 2, 3, 4, 5, 6), "b", channel("b", 1, 7, 8, 9, 10, 11), "p", channel("p", 20, 21));
        var merged = CandidateMerger.merge(
                RequestContext.unknownUser(RecommendRequest.of(1, 4)),
                List.of("a", "b"),
                Map.of("a", 0.5, "b", 0.5),
                List.of("p"),
                retrievers,
                4);
        assertThat(merged.candidates()).extracting(Candidate::itemId).containsExactly(1, 2, 7, 8);
        assertThat(merged.candidates().get(0).channel()).isEqualTo("a");
        assertThat(merged.emptyChannels()).isEmpty();
    }

    @Test
    void fillsAnEmptyChannelsQuotaFromTheFallbacksAndReportsIt() {
        Map<String, Retriever<UserView>> retrievers =
                Map.of("a", channel("a", 1, 2), "empty", channel("empty"), "p", channel("p", 1, 30, 31, 32, 33));
        var merged = CandidateMerger.merge(
                RequestContext.unknownUser(RecommendRequest.of(1, 5)),
                List.of("a", "empty"),
                Map.of(),
                List.of("p"),
                retrievers,
                5);
        assertThat(merged.candidates()).extracting(Candidate::itemId).containsExactly(1, 2, 30, 31, 32);
        assertThat(merged.candidates().get(2).channel()).isEqualTo("p");
        assertThat(merged.emptyChannels()).containsExactly("empty");
    }
}
