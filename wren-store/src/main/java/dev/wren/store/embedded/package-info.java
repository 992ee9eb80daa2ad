/**
 * The embedded feature store: decoded rows in memory, served by hash lookups, optionally persisted to a local folder
 * with atomic snapshot commits and an append-only log of real-time updates.
 */
package dev.wren.store.embedded;
