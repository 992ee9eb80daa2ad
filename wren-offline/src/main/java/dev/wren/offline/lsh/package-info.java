/** Offline similar items through locality-sensitive hashing, measured against exact neighbours. */
package dev.wren.offline.lsh;
