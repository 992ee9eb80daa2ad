package dev.wren.cli;

import dev.wren.serving.ServingConfig;
import picocli.CommandLine.Option;

/**
 * Where the commands that start a server for a person to use ({@code serve}, {@code demo}) listen: loopback unless
 * told otherwise, so a laptop's demo is not open to its network.
 */
final class PortOption {
    @ConfigKey("serving.port")
    @Option(
            names = "--port",
            description = "HTTP port (0 picks a free one). Default: ${DEFAULT-VALUE} (configuration key serving.port).")
    int port;

    @ConfigKey("serving.host")
    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            description = "The interface to listen on: 127.0.0.1 (this machine only), 0.0.0.0 (every interface) or"
                    + " one address. Beyond loopback the server needs --admin-token (or WREN_ADMIN_TOKEN) and refuses"
                    + " to start without one. Default: ${DEFAULT-VALUE} (configuration key serving.host).")
    String host;

    /** The configuration, listening where these options say. */
    ServingConfig listen(ServingConfig config) {
        return config.withPort(port).withHost(host);
    }
}
