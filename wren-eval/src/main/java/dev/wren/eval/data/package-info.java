/** Ratings held in memory for evaluation: a columnar log and per-user indexes over it. */
package dev.wren.eval.data;
