package org.osecscreener.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest (Implementation-Version). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"osec-screener " + (v == null ? "(development build)" : v),
                "Java " + System.getProperty("java.version")};
    }
}
