/**
 * User features by wren-core's rules, from the dataset's ratings and the events applied so far, updated as each event
 * arrives (in event-time order, whatever order the events came in); and the labelling of each user's exposures, which
 * waits for the watermark.
 */
package dev.wren.stream.users;
