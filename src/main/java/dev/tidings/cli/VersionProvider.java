package dev.tidings.cli;

import picocli.CommandLine.IVersionProvider;

/** "tidings 0.1.0" from the jar manifest, "tidings (development build)" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {
            "tidings " + (v == null ? "(development build)" : v),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
        };
    }
}
