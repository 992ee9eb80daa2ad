/**
 * Recall channels: each a {@link dev.wren.core.recommend.Retriever} that proposes candidates with a reason. Channels
 * skip items the user has already seen and respect the request's genre.
 */
package dev.wren.serving.recall;
