/**
 * Collaborative-filtering models fitted on the whole interaction log: {@link dev.wren.offline.cf.Ease} (Steck's
 * closed-form item-item model) and {@link dev.wren.offline.cf.ImplicitAls} (Spark MLlib's implicit-feedback matrix
 * factorisation). Their outputs are published for serving's recall channels and used as evaluation baselines.
 */
package dev.wren.offline.cf;
