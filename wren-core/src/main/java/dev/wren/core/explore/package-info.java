/**
 * Exploration policies and interleaving for the rerank stage: epsilon-greedy over a ranked list, Thompson sampling
 * for new items, disjoint LinUCB for a slot or a channel, and team-draft interleaving of two rankers. Every policy
 * returns what it shows with, per item, its position, the policy's name and its propensity, so that the exposure log
 * can be evaluated offline. Randomness is always passed in ({@link java.util.random.RandomGenerator}); nothing here
 * keeps a hidden global.
 */
package dev.wren.core.explore;
