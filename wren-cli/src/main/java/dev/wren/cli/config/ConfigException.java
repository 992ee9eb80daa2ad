package dev.wren.cli.config;

/** A configuration that cannot be used: an unknown key, a value of the wrong type, a value a module refuses. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
