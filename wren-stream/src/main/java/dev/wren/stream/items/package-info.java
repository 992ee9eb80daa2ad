/** Item trends: event counts over a sliding event-time window, closed with a zero when an item goes quiet. */
package dev.wren.stream.items;
