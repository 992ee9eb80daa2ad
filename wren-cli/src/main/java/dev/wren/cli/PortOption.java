package dev.wren.cli;

import dev.wren.serving.ServingConfig;
import picocli.CommandLine.Option;

/**
 * Where the commands that start a server for a person to use ({@code serve}, {@code demo}) listen: loopback unless
 * told otherwise, so a laptop's demo is not open to its network.
 */
final class PortOption {
    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "HTTP port (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = ServingConfig.DEFAULT_HOST,
            description = "The interface to listen on: 127.0.0.1 (this machine only), 0.0.0.0 (every interface) or"
                    + " one address. Beyond loopback the server needs --admin-token (or WREN_ADMIN_TOKEN) and refuses"
                    + " to start without one. Default: ${DEFAULT-VALUE}.")
    String host;

    /** The configuration, listening where these options say. */
    ServingConfig listen(ServingConfig config) {
        return config.withHost(host);
    }
}
