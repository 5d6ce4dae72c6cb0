package io.forewarn.cli;

import io.forewarn.BuildInfo;
import picocli.CommandLine;

/** The version of Forewarn and of the Flink it was built against. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "forewarn " + BuildInfo.forewarnVersion() + " (Flink " + BuildInfo.flinkVersion() + ")"
        };
    }
}
