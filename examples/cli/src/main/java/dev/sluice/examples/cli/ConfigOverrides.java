package dev.sluice.examples.cli;

import dev.sluice.core.wiring.SluiceConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --set KEY=VALUE}, repeatable: the overrides of the commands that read a configuration. */
final class ConfigOverrides {

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a configuration key, e.g. --set loader.num_workers=4; repeatable, applied in order "
                    + "(default: none).")
    private List<String> sets = new ArrayList<>();

    /** The configuration in {@code file}, with the {@code --set} overrides and then {@code pinned} applied. */
    SluiceConfig load(Path file, List<String> pinned) {
        List<String> overrides = new ArrayList<>(sets);
        overrides.addAll(pinned);
        return SluiceConfig.load(file, overrides);
    }

    /** The configuration in {@code file}, with the {@code --set} overrides applied. */
    SluiceConfig load(Path file) {
        return load(file, List.of());
    }
}
