/**
 * The typed exceptions of serving, each carrying its HTTP status; the HTTP layer maps them (and nothing else) to
 * client errors in one place.
 */
package dev.wren.serving.errors;
