/**
 * The event log as a stream: its one parser (events and exposures), the bounded file format, event time and the late
 * records' side output.
 */
package dev.wren.stream.events;
