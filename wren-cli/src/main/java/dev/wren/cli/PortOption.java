package dev.wren.cli;

import picocli.CommandLine.Option;

/** The HTTP port of the commands that start a server for a person to use ({@code serve}, {@code demo}). */
final class PortOption {
    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "HTTP port (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;
}
