/**
 * The evaluation loop: {@link dev.wren.eval.TopKEvaluation} holds out part of each user's interactions, fits the
 * whole serving pipeline and strong baselines on the rest, asks each for every test user's top-K list, and scores the
 * lists against what was held out.
 */
package dev.wren.eval;
