/**
 * Item window features: events, exposures, clicks and their ratio over a sliding event-time window, summed from
 * one-slide panes, and zeros when an item goes quiet.
 */
package dev.wren.stream.items;
