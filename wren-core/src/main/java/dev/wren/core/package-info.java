/** Wren's core: immutable records and role interfaces shared by every layer. Nothing heavy is imported here. */
package dev.wren.core;
