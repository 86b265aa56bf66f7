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
import java.util.function.Consumer;

/**
 * One run of {@code sluice}: where output goes, whether stderr is a terminal, and the plugins (from
 * the class path, plus the jars of {@code --plugins DIR}), found once.
 */
final class Invocation {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private final Path pluginsFolder;
    private PluginRegistry plugins;

    /** @param pluginsFolder the folder of {@code --plugins DIR}, or null */
    Invocation(PrintStream out, PrintStream err, boolean interactive, Path pluginsFolder) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.pluginsFolder = pluginsFolder;
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
            Consumer<String> unsaid = failure -> { };
            if (warnFailures) {
                plugins = pluginsFolder == null ? PluginRegistry.discover(loader)
                        : PluginRegistry.discover(pluginsFolder, loader);
            } else {
                plugins = pluginsFolder == null ? PluginRegistry.discover(loader, unsaid)
                        : PluginRegistry.discover(pluginsFolder, loader, unsaid);
            }
        }
        return plugins;
    }

    static Path path(String text, String what) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageException(what + " '" + text + "' is not a valid path: " + e.getReason(), e);
        }
    }

    /**
     * The output folder {@code folder} of option {@code what}, checked before any work: it may be
     * missing ({@link #createFolder} makes it), but not a file.
     *
     * @throws UsageException naming it when it is a file
     */
    static Path outputFolder(Path folder, String what) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new UsageException(what + " " + MessageValues.shorten(folder.toString()) + " is a file, not a folder; give the "
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
