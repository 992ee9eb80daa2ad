/**
 * What serving computes in-process at load: the catalogue with rating statistics, every user's rating history, item
 * co-occurrence, and the ANN index over item embeddings. All of it is immutable once built, so a whole set can be
 * swapped atomically.
 */
package dev.wren.serving.data;
