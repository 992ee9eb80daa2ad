/**
 * The Wren serving tier: {@link dev.wren.serving.WrenServer} starts the HTTP API, the recall -> rank -> rerank
 * pipeline, A/B routing, the real-time event tier and the web UI from one {@link dev.wren.serving.ServingConfig}.
 */
package dev.wren.serving;
