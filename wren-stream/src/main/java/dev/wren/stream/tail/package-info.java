/** A Flink source (Source V2) that follows the event log as it grows, resuming from a checkpointed byte offset. */
package dev.wren.stream.tail;
