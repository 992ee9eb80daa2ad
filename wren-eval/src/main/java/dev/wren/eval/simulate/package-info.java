/**
 * A user simulator on the synthetic data's hidden tastes: policies return lists, simulated users examine them with a
 * position bias, click by their hidden taste for the item and rate what they clicked; the result is an event and
 * exposure log in the serving format, so the experiment analysis can be checked against a known truth.
 */
package dev.wren.eval.simulate;
