/** Labelled samples, time and leave-last-n splits, and the Spark ML transforms fitted on the training part only. */
package dev.wren.offline.samples;
