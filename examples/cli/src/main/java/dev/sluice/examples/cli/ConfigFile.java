package dev.sluice.examples.cli;

import dev.sluice.core.wiring.SluiceConfig;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code CONFIG [--set KEY=VALUE]...}: the configuration file a command reads, with its overrides; a
 * picocli mixin of every command that takes a CONFIG.
 */
final class ConfigFile {

    @Parameters(paramLabel = "CONFIG", description = "The YAML file that describes the loader.")
    private Path file;

    @Mixin
    private ConfigOverrides overrides;

    /** The CONFIG path as given. */
    Path path() {
        return file;
    }

    /** The configuration in CONFIG, with the {@code --set} overrides applied. */
    SluiceConfig load() {
        return overrides.load(file, List.of());
    }
}
