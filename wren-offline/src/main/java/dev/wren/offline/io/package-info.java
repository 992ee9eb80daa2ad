/** Readers for every MovieLens layout, done by Spark itself, and the checks that name a bad file and record. */
package dev.wren.offline.io;
