/**
 * The recommendation pipeline's roles and the records that flow between them: a {@link
 * dev.wren.core.recommend.Retriever} proposes {@link dev.wren.core.recommend.Candidate}s, a {@link
 * dev.wren.core.recommend.Ranker} scores them into {@link dev.wren.core.recommend.ScoredItem}s, and a {@link
 * dev.wren.core.recommend.Reranker} picks the final list. Every stage takes the request's {@link
 * dev.wren.core.recommend.RequestContext}: the {@link dev.wren.core.recommend.RecommendRequest}, the {@link
 * dev.wren.core.recommend.UserView} of its user (history, taste, the feature store row read once, whether the store
 * answered), and a degraded mark that a stage raises when it had to answer without something it needed. The stage
 * contracts are generic in the user view, so a pipeline with richer per-user data (serving's collaborative-filter
 * scores, say) gives its stages that data without casts, while a stage that needs only {@link
 * dev.wren.core.recommend.UserView} fits any pipeline. Every stage is stateless and thread-safe, so one instance serves
 * all requests and a new one can be swapped in between two requests. {@link dev.wren.core.recommend.Event} is what users
 * do (ratings, clicks) as it reaches the real-time tier.
 */
package dev.wren.core.recommend;
