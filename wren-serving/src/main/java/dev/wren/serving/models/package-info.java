/**
 * Trained models in the serving pipeline: the bundles of a models folder opened with each serving state (the best
 * ranking bundle and a two-tower bundle), the ranker that scores a request's candidates with one batched call, and the
 * two-tower ANN recall channel.
 */
package dev.wren.serving.models;
