/**
 * The Redis feature store: one hash per row under versioned keys, pipelined batch reads and writes, and an atomic
 * switch of the live-version key on commit.
 */
package dev.wren.store.redis;
