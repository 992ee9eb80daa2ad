package dev.wren.serving.pipeline;

import dev.wren.core.recommend.Ranker;
import dev.wren.core.recommend.Reranker;
import dev.wren.core.recommend.Retriever;
import dev.wren.serving.models.ModelRanker;
import dev.wren.serving.models.TwoTowerRetriever;
import dev.wren.serving.rank.BlendRanker;
import dev.wren.serving.rank.CfBlendRanker;
import dev.wren.serving.rank.LearnedRanker;
import dev.wren.serving.recall.AlsRetriever;
import dev.wren.serving.recall.EaseRetriever;
import dev.wren.serving.recall.GenreTopRetriever;
import dev.wren.serving.recall.ItemCfRetriever;
import dev.wren.serving.recall.ItemEmbeddingRetriever;
import dev.wren.serving.recall.PopularRetriever;
import dev.wren.serving.recall.TrendingRetriever;
import dev.wren.serving.recall.UserEmbeddingRetriever;
import dev.wren.serving.rerank.DiversityReranker;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The stages that configuration can name, each registered under a stable name with a factory that builds it from the
 * loaded {@link ServingData}. A stage reads the request's {@link UserContext}, or any {@link
 * dev.wren.core.recommend.UserView} when it needs no more (hence {@code ? super UserContext}). Other modules add theirs
 * (a DeepFM ranker, say) with {@link #withRanker} before the server starts. Immutable.
 */
public record StageFactories(
        Map<String, Function<ServingData, Retriever<? super UserContext>>> retrievers,
        Map<String, Function<ServingData, Ranker<? super UserContext>>> rankers,
        Map<String, Function<ServingData, Reranker<? super UserContext>>> rerankers) {
    public StageFactories {
        retrievers = Map.copyOf(retrievers);
        rankers = Map.copyOf(rankers);
        rerankers = Map.copyOf(rerankers);
    }

    /**
     * The stages serving ships: nine recall channels (two-tower finds nothing without a two-tower bundle, ease and als
     * nothing without the offline pipeline's collaborative filters, trending nothing without the stream job's trends),
     * five rankers ({@code model} is the blend ranker without a ranking bundle, {@code learned} the {@code cf} ranker
     * without a learned top-K ranker), two re-rankers.
     */
    public static StageFactories builtIn() {
        Map<String, Function<ServingData, Retriever<? super UserContext>>> r = new LinkedHashMap<>();
        r.put(PopularRetriever.NAME, d -> new PopularRetriever(d.catalog()));
        r.put(GenreTopRetriever.NAME, d -> new GenreTopRetriever(d.catalog()));
        r.put(
                ItemCfRetriever.NAME,
                d -> new ItemCfRetriever(
                        d.catalog(), d.coOccurrence(), d.settings().recencyDecay()));
        r.put(
                ItemEmbeddingRetriever.NAME,
                d -> new ItemEmbeddingRetriever(
                        d.catalog(), d.itemIndex(), d.settings().recencyDecay()));
        r.put(UserEmbeddingRetriever.NAME, d -> new UserEmbeddingRetriever(d.catalog(), d.itemIndex()));
        r.put(EaseRetriever.NAME, d -> new EaseRetriever(d.catalog()));
        r.put(AlsRetriever.NAME, d -> new AlsRetriever(d.catalog(), d.factorIndex()));
        r.put(TrendingRetriever.NAME, d -> new TrendingRetriever(d.catalog(), d.trends()));
        r.put(TwoTowerRetriever.NAME, d -> new TwoTowerRetriever(d.models().retriever(), d.catalog()));
        Map<String, Function<ServingData, Ranker<? super UserContext>>> k = new LinkedHashMap<>();
        k.put(BlendRanker.NAME, d -> BlendRanker.standard(d.catalog()));
        k.put(BlendRanker.RECALL_ONLY, d -> new BlendRanker(d.catalog(), 1, 0, 0));
        k.put(
                CfBlendRanker.NAME,
                d -> new CfBlendRanker(d.catalog(), d.settings().cfBlendWeight()));
        k.put(LearnedRanker.NAME, LearnedRanker::of);
        k.put(ModelRanker.NAME, d -> d.models()
                .ranker()
                .<Ranker<? super UserContext>>map(m -> new ModelRanker(m, BlendRanker.standard(d.catalog())))
                .orElseGet(() -> BlendRanker.standard(d.catalog())));
        Map<String, Function<ServingData, Reranker<? super UserContext>>> rr = new LinkedHashMap<>();
        rr.put(
                DiversityReranker.NAME,
                d -> new DiversityReranker(
                        d.catalog(), d.settings().mmrLambda(), d.settings().freshnessWeight()));
        rr.put(DiversityReranker.TOP, d -> new DiversityReranker(d.catalog(), 1, 0));
        return new StageFactories(r, k, rr);
    }

    /** These factories and one more ranker. */
    public StageFactories withRanker(String name, Function<ServingData, Ranker<? super UserContext>> factory) {
        Map<String, Function<ServingData, Ranker<? super UserContext>>> k = new LinkedHashMap<>(rankers);
        k.put(name, factory);
        return new StageFactories(retrievers, k, rerankers);
    }

    /** Builds every stage for one load. */
    public Stages build(ServingData data) {
        Map<String, Retriever<? super UserContext>> r = new LinkedHashMap<>();
        retrievers.forEach((name, f) -> r.put(name, f.apply(data)));
        Map<String, Ranker<? super UserContext>> k = new LinkedHashMap<>();
        rankers.forEach((name, f) -> k.put(name, f.apply(data)));
        Map<String, Reranker<? super UserContext>> rr = new LinkedHashMap<>();
        rerankers.forEach((name, f) -> rr.put(name, f.apply(data)));
        return new Stages(r, k, rr);
    }

    /** The stages of one serving state, by name. */
    public record Stages(
            Map<String, Retriever<? super UserContext>> retrievers,
            Map<String, Ranker<? super UserContext>> rankers,
            Map<String, Reranker<? super UserContext>> rerankers) {
        public Stages {
            retrievers = Map.copyOf(retrievers);
            rankers = Map.copyOf(rankers);
            rerankers = Map.copyOf(rerankers);
        }
    }
}
