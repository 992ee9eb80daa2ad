/** Held-out splits of a rating log: per-user random holdout, per-user leave-last-n by time, a global time split. */
package dev.wren.eval.split;
