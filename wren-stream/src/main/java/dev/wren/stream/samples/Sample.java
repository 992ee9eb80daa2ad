package dev.wren.stream.samples;

/**
 * One labelled sample on its way to the sinks.
 *
 * @param userId the user, the Kafka key
 * @param json the sample as one JSON object (the columns are in this module's README, "Fresh samples")
 */
public record Sample(int userId, String json) {}
