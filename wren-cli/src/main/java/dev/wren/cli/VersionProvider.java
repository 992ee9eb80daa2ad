package dev.wren.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar's manifest, falling back to "development build" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = WrenCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "wren " + (version == null ? "(development build)" : version),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
