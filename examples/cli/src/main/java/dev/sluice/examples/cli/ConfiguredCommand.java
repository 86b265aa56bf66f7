package dev.sluice.examples.cli;

import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.wiring.SluiceConfig;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * A sub-command that reads a configuration: {@code sluice COMMAND CONFIG [--set KEY=VALUE]... [-h]}
 * and the command's own options, which the subclass declares.
 */
abstract class ConfiguredCommand implements Subcommand {

    @ParentCommand
    private SluiceCommand sluice;

    @Mixin
    private HelpOption help;

    @Mixin
    private ConfigFile config;

    /** The run's outputs and plugins. */
    final Invocation invocation() {
        return sluice.invocation();
    }

    /** The CONFIG path as given, for messages. */
    final Path configPath() {
        return config.path();
    }

    /** The configuration in CONFIG, with the {@code --set} overrides applied. */
    final SluiceConfig loadConfig() {
        return config.load();
    }

    /** The loader CONFIG describes (with the overrides); the caller closes it. */
    final DataLoader<LabeledSample<Object>, LabeledBatch> loader() {
        return invocation().loader(config.load());
    }
}
