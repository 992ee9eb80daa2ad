/**
 * Online model serving over the feature store: the translation of store rows ({@link dev.wren.core.store.Features})
 * into scorer inputs with exactly the offline pipeline's encoding, bundles opened for serving with the manifest they
 * were trained on, and the choice of bundle in a models folder.
 */
package dev.wren.model.online;
