/**
 * User features in event time, by wren-core's rules, from the dataset's ratings and the applied events, updated in place;
 * and the labelling of each user's exposures.
 */
package dev.wren.stream.users;
