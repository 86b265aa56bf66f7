package dev.sluice.examples.cli;

import dev.sluice.api.EncodeException;
import dev.sluice.api.EncodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageEncoder;
import dev.sluice.api.Options;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.ImageEncoderProvider;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.plugin.PluginKind;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.sampler.Seeds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a batch as a contact sheet with each picture's labels under it and its boxes and masks over
 * it, drawn by the
 * {@code contact_sheet} transform and encoded by the encoder plugin of highest priority: both
 * found among the plugins, so a plugin jar can replace either.
 */
final class BatchSheets {
    static final String CONTACT_SHEET = "contact_sheet";

    private BatchSheets() {
    }

    /**
     * The format {@code file}'s extension names, checked before any work is done.
     *
     * @throws UsageException when the name has no extension
     */
    static EncodeOptions formatOf(Path file) {
        try {
            return EncodeOptions.forFile(file);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + "; name it .png or .jpg", e);
        }
    }

    /**
     * Draws {@code batch} and writes it to {@code file}: its pictures captioned with their labels, and
     * its targets, if any, drawn over them (boxes named by {@code classNames}, masks blended in).
     *
     * @throws EncodeException when the image cannot be encoded or written
     * @throws dev.sluice.core.plugin.PluginException when there is no contact-sheet transform or no encoder
     */
    @SuppressWarnings("unchecked")
    static void write(Invocation invocation, LabeledBatch batch, List<String> classNames, Path file)
            throws EncodeException {
        EncodeOptions format = formatOf(file);
        PluginRegistry plugins = invocation.plugins();
        String where = "the contact sheet " + file;
        Transform<Object, Image> sheet = (Transform<Object, Image>) plugins.require(PluginKind.TRANSFORM,
                TransformProvider.class, CONTACT_SHEET, where).create(Options.of(CONTACT_SHEET,
                        Map.of("class_names", classNames)));
        List<Object> parts = new ArrayList<>(List.of(BatchPictures.drawable(batch.images()), batch.labels()));
        batch.targets().ifPresent(parts::add);
        // Drawing draws no random numbers, but a transform is always handed a seeded source.
        Image drawn = sheet.apply(parts, Seeds.random(0));
        ImageEncoder encoder = plugins.require(PluginKind.ENCODER, ImageEncoderProvider.class, PluginRegistry.AUTO,
                where).create(Options.empty());
        encoder.write(drawn, file, format);
    }
}
