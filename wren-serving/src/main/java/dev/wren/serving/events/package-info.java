/**
 * The real-time first tier: events are validated, appended to the durable JSON-lines {@link
 * dev.wren.serving.events.EventLog}, and applied at once to the user's serving features in the store.
 */
package dev.wren.serving.events;
