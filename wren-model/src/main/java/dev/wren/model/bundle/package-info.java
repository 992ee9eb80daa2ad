/**
 * Model bundles: a versioned folder holding the parameters, the model spec, the feature layout and numeric scaling
 * it was trained with, its metrics and the training data's hash. Loading checks the layout and the parameters'
 * checksum and refuses, with a message naming the difference, what does not fit.
 */
package dev.wren.model.bundle;
