/**
 * Analysis of online experiments from the serving logs: reading events and exposures (with the optional exploration
 * and interleaving fields), attributing later clicks and ratings to the exposure that showed the item, A/B analysis
 * (confidence intervals, CUPED, an always-valid mixture SPRT, a sample-ratio check), interleaving analysis, and
 * offline evaluation of a new policy from propensity-logged exposures (replay, IPS, self-normalised IPS, doubly
 * robust).
 */
package dev.wren.eval.experiment;
