/** The {@code wren} command: user-facing entry point that wires the modules together. */
package dev.wren.cli;
