package dev.sluice.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code sluice --version}: the Maven project's version, written into {@code version.properties} by the build. */
final class MavenVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"sluice " + version(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor")
                + "), " + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
    }

    /** The version this jar was built as, {@code 0.1.0-SNAPSHOT}. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = MavenVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing beside " + MavenVersion.class.getName()
                        + "; the jar was not built by Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read version.properties: " + e.getMessage(), e);
        }
        return properties.getProperty("version");
    }
}
