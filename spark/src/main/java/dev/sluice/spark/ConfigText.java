package dev.sluice.spark;

import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.wiring.SluiceConfig;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * A Sluice configuration as it travels to Spark's executors: its YAML text (overrides applied) and
 * the folder its relative paths resolve against, which must name the same place on every machine
 * (shared storage). Executors parse it again; the driver has already checked it.
 *
 * @param yaml the configuration's text
 * @param baseDir the folder relative paths resolve against, as an absolute path
 */
record ConfigText(String yaml, String baseDir) implements Serializable {

    /** The configuration, parsed on the calling machine with the plugins of its context class loader. */
    SluiceConfig parse() {
        return SluiceConfig.parse(yaml, Path.of(baseDir), List.of());
    }

    /** The plugins of the calling thread's context class loader: on an executor, the job's jars. */
    static PluginRegistry plugins() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return PluginRegistry.discover(loader != null ? loader : ConfigText.class.getClassLoader());
    }
}
