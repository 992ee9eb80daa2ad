/**
 * The real-time first tier: events are validated, appended durably to the {@link dev.wren.serving.events.EventLog}
 * (a local JSON-lines file, or Kafka topics in production), and applied at once to the user's serving features in the
 * store.
 */
package dev.wren.serving.events;
