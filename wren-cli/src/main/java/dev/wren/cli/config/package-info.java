/**
 * Wren's one typed configuration: the commented {@code reference.yaml} holds every default, a user file, {@code WREN_*}
 * environment variables and flags override it, and {@link dev.wren.cli.config.ConfigLoader} binds the result once into
 * {@link dev.wren.cli.config.WrenSettings}, whose sections map themselves to the modules' own records. No module
 * depends on this package or on the YAML library: the mapping lives here, in the CLI.
 */
package dev.wren.cli.config;
