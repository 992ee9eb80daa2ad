/** Feature store implementations, chosen by URI: the embedded default and Redis. */
package dev.wren.store;
