/**
 * A small learned ranker over dense per-candidate features: the scores of earlier stages (EASE, ALS, two-tower),
 * popularity, affinities and recall-channel scores for one user's candidates go in, one score per candidate comes
 * out, trained with a pointwise logistic loss and selected by validation NDCG@10 per user.
 *
 * <p>{@link dev.wren.model.topk.TopKRankerTrainer} fits a {@link dev.wren.model.topk.TopKRanker} from
 * {@link dev.wren.model.topk.RankingSamples}; the ranker scores a user's candidates concurrently and saves to a
 * folder whose JSON manifest records the feature names it expects, so a caller can check them before use. The
 * features are standardised with the training data's means and deviations, stored with the model, in the one
 * translator that training and scoring share. DJL types stay inside this package: the API is plain arrays.
 */
package dev.wren.model.topk;
