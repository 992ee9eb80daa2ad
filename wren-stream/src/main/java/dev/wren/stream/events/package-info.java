/** The event log as a stream: its one parser, the bounded file format, event time and the late events side output. */
package dev.wren.stream.events;
