/**
 * Item features and point-in-time user features. Every feature attached to a rating event is computed only from events
 * strictly before it (window frames ending one second before the event), so samples never see their own future.
 */
package dev.wren.offline.features;
