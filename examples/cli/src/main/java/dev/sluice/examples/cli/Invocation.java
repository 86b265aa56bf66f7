package dev.sluice.examples.cli;

import dev.sluice.api.Dataset;
import dev.sluice.api.IterableDataset;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.wiring.Sluice;
import dev.sluice.core.wiring.SluiceConfig;
import dev.sluice.api.spi.MessageValues;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One run of {@code sluice}: the parsed arguments, where output goes, whether stderr is a terminal,
 * and the plugins (from the class path, plus the jars of {@code --plugins DIR}), found once.
 */
final class Invocation {
    private final Arguments arguments;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private PluginRegistry plugins;

    Invocation(Arguments arguments, PrintStream out, PrintStream err, boolean interactive) {
        this.arguments = arguments;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    Arguments arguments() {
        return arguments;
    }

    /** Results, for people and for scripts. */
    PrintStream out() {
        return out;
    }

    /** Progress, warnings and errors. */
    PrintStream err() {
        return err;
    }

    /** Whether stderr is a terminal, so that a progress bar can redraw its line. */
    boolean interactive() {
        return interactive;
    }

    /**
     * The plugins on the class path and in {@code --plugins DIR}, discovered on first use; a provider
     * that fails to load is warned about on stderr.
     */
    PluginRegistry plugins() {
        return plugins(true);
    }

    /**
     * As {@link #plugins()}; {@code warnFailures} false for a command that reports
     * {@link PluginRegistry#loadFailures()} itself, so that each is said once. Only the first call
     * discovers, so it decides.
     */
    PluginRegistry plugins(boolean warnFailures) {
        if (plugins == null) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                loader = Invocation.class.getClassLoader();
            }
            String folder = arguments.option("plugins");
            Consumer<String> unsaid = failure -> { };
            if (warnFailures) {
                plugins = folder == null ? PluginRegistry.discover(loader)
                        : PluginRegistry.discover(path(folder, "--plugins"), loader);
            } else {
                plugins = folder == null ? PluginRegistry.discover(loader, unsaid)
                        : PluginRegistry.discover(path(folder, "--plugins"), loader, unsaid);
            }
        }
        return plugins;
    }

    /** The single positional argument {@code what} of {@code command}, as a path. */
    Path onlyPath(String command, String what) {
        List<String> positionals = arguments.positionals();
        if (positionals.size() != 1) {
            throw new UsageException("sluice " + command + " takes one " + what + (positionals.isEmpty() ? ""
                    : ", was given " + positionals.size() + ": " + String.join(" ", positionals)));
        }
        return path(positionals.get(0), what);
    }

    static Path path(String text, String what) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageException(what + " '" + text + "' is not a valid path: " + e.getReason(), e);
        }
    }

    /**
     * The output folder {@code text} of option {@code what}, checked before any work: it may be
     * missing ({@link #createFolder} makes it), but not a file.
     *
     * @throws UsageException naming it when it is a file
     */
    static Path outputFolder(String text, String what) {
        Path folder = path(text, what);
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new UsageException(what + " " + MessageValues.shorten(text) + " is a file, not a folder; give the "
                    + "folder to write to");
        }
        return folder;
    }

    /**
     * Creates {@code folder}, the value of option {@code what}, with its parents.
     *
     * @throws UsageException naming it and why it cannot be created
     */
    static void createFolder(Path folder, String what) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UsageException(what + " " + MessageValues.shorten(folder.toString()) + ": cannot create the "
                    + "folder: " + MessageValues.reason(e), e);
        }
    }

    /** The configuration in {@code file}, with the {@code --set} overrides and then {@code pinned} applied. */
    SluiceConfig config(Path file, List<String> pinned) {
        List<String> overrides = new ArrayList<>(arguments.sets());
        overrides.addAll(pinned);
        return SluiceConfig.load(file, overrides);
    }

    /** The configuration in {@code file}, with the {@code --set} overrides applied. */
    SluiceConfig config(Path file) {
        return config(file, List.of());
    }

    /** Whether {@code loader} reads an endless dataset (a stream of tar shards never is). */
    static boolean isEndless(DataLoader<?, ?> loader) {
        return loader.dataset() instanceof Dataset<?> dataset && dataset.isEndless();
    }

    /** The batches of an epoch of a loader that is not endless, or -1 when a stream cannot know them in advance. */
    static long batchesPerEpoch(DataLoader<?, ?> loader) {
        return loader.dataset() instanceof Dataset<?> || ((IterableDataset<?>) loader.dataset()).size().isPresent()
                ? loader.size() : -1;
    }

    /** The loader {@code config} describes, with {@link #plugins()}; the caller closes it. */
    DataLoader<LabeledSample<Object>, LabeledBatch> loader(SluiceConfig config) {
        return Sluice.fromConfig(config, plugins());
    }
}
