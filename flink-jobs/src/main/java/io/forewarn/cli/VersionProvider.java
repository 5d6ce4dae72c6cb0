package io.forewarn.cli;

import picocli.CommandLine;

/** Version from the jar manifest, or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = ForewarnCli.class.getPackage().getImplementationVersion();
        return new String[] {"forewarn " + (version != null ? version : "development")};
    }
}
