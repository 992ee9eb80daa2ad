package dev.wren.serving.data;

/**
 * An item's rating statistics.
 *
 * @param count how many ratings
 * @param average the mean rating, 0 without ratings
 * @param bayesian the mean shrunk towards the global mean, so that one 5-star rating does not top the charts
 * @param popularityRank 1 for the most rated item
 * @param lastRated the time of its newest rating, seconds since the epoch; 0 without ratings
 */
public record ItemStats(int count, double average, double bayesian, int popularityRank, long lastRated) {}
