/** Re-rankers: the final list's filters, diversity (MMR over genres) and freshness. */
package dev.wren.serving.rerank;
