package dev.sluice.core.vision;

import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.LabelFormat;
import dev.sluice.api.Options;
import dev.sluice.api.spi.LabelFormatProvider;
import dev.sluice.core.dataset.ImageLabelDataset;
import dev.sluice.core.label.LabelIndex;
import dev.sluice.core.plugin.PluginKind;
import dev.sluice.core.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The plugins a one-line dataset uses, found by core's registry on the caller's class path as a
 * configuration finds them: the decoder {@code auto} picks, and label formats by id.
 */
final class ClassPathPlugins {
    private final PluginRegistry registry;
    private final String caller;

    /** @param caller the factory method, named in plugin errors in place of a configuration line */
    ClassPathPlugins(String caller) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        this.registry = PluginRegistry.discover(context != null ? context : ClassPathPlugins.class.getClassLoader());
        this.caller = caller;
    }

    /** What {@code decoder.backend: auto} makes: each file to the best available decoder of its format. */
    ImageDecoder autoDecoder() {
        return registry.decoder(PluginRegistry.AUTO, Options.empty(), caller);
    }

    LabelFormat labelFormat(String id, Options options) {
        return registry.require(PluginKind.LABEL_FORMAT, LabelFormatProvider.class, id, caller).create(options);
    }

    /**
     * A builder over the entries label format {@code format} reads from {@code labels}, relative to
     * {@code root}, with the {@code auto} decoder. The plugins are looked up first, so that a missing
     * one is reported before a large label file is read.
     */
    ImageLabelDataset.Builder<Image> imageFiles(String format, Options formatOptions, Path labels, Path root)
            throws IOException {
        ImageDecoder decoder = autoDecoder();
        LabelFormat labelFormat = labelFormat(format, formatOptions);
        return ImageLabelDataset.builder(LabelIndex.read(labelFormat, labels, root), root, decoder);
    }
}
