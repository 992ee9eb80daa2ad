/** Seeded item embeddings (Item2vec, DeepWalk, Node2vec), user embeddings, and their next-item evaluation. */
package dev.wren.offline.embed;
