package dev.sluice.examples.cli;

import dev.sluice.api.EncodeException;
import dev.sluice.api.EncodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageEncoder;
import dev.sluice.api.Options;
import dev.sluice.api.spi.ImageEncoderProvider;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.plugin.PluginKind;
import dev.sluice.core.plugin.PluginRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a batch as a contact sheet, each picture captioned with its dataset index and labels. */
final class BatchSheets {
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
     * Draws {@code batch} and writes it to {@code file} with the encoder of highest priority.
     *
     * @param indices the dataset index of each sample, in batch order
     * @throws EncodeException when the image cannot be encoded or written
     * @throws dev.sluice.core.plugin.PluginException when no encoder plugin is available
     */
    static void write(Invocation invocation, LabeledBatch batch, long[] indices, Path file) throws EncodeException {
        EncodeOptions format = formatOf(file);
        List<Image> pictures = BatchPictures.of(batch.inputs());
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < pictures.size(); i++) {
            String index = i < indices.length ? "#" + indices[i] + " " : "";
            captions.add(index + Shapes.row(batch.labels(), i).replace(" ", ""));
        }
        Image sheet = ContactSheet.draw(pictures, captions);
        ImageEncoder encoder = invocation.plugins().require(PluginKind.ENCODER, ImageEncoderProvider.class,
                PluginRegistry.AUTO, "the contact sheet " + file).create(Options.empty());
        encoder.write(sheet, file, format);
    }
}
