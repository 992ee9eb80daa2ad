/** Statistics of the rating log for monitoring: activity per day, rating distribution, coverage and long tail. */
package dev.wren.offline.stats;
