/**
 * Fresh labelled samples: each exposure with the user's features as of its time, labelled by the user's click or
 * rating of the item within the label window, written as JSON lines with the offline samples' column names.
 */
package dev.wren.stream.samples;
