/** Kafka: the event and exposure topics serving writes as the job's source, and the exactly-once topic of samples. */
package dev.wren.stream.kafka;
