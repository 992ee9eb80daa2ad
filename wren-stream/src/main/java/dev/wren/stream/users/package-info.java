/** User features in event time, by wren-core's rules, from the dataset's ratings and the applied events. */
package dev.wren.stream.users;
