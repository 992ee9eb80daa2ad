/**
 * The recommendation pipeline's roles and the records that flow between them: a {@link
 * dev.wren.core.recommend.Retriever} proposes {@link dev.wren.core.recommend.Candidate}s, a {@link
 * dev.wren.core.recommend.Ranker} scores them into {@link dev.wren.core.recommend.ScoredItem}s, and a {@link
 * dev.wren.core.recommend.Reranker} picks the final list. Every stage is stateless and thread-safe, so one instance
 * serves all requests and a new one can be swapped in between two requests. {@link dev.wren.core.recommend.Event} is
 * what users do (ratings, clicks) as it reaches the real-time tier.
 */
package dev.wren.core.recommend;
