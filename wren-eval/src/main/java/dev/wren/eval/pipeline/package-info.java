/**
 * The whole serving pipeline, built from a training split the way a user builds it (offline pipeline on Spark, model
 * training, serving state) and asked for recommendations in-process through the same code as the HTTP endpoint.
 */
package dev.wren.eval.pipeline;
