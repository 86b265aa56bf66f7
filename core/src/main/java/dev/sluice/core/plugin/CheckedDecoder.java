package dev.sluice.core.plugin;

import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.spi.ImageDecoderProvider;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A plugin's decoder, held to its contract: a decoder that returns null instead of an image or a
 * {@link DecodeException} is named, with its plugin, in a {@link DecodeException} for the file at
 * hand, rather than failing later as a {@link NullPointerException} in a transform.
 */
public final class CheckedDecoder implements ImageDecoder {
    private final ImageDecoder decoder;
    private final String plugin;

    private CheckedDecoder(ImageDecoder decoder, String plugin) {
        this.decoder = decoder;
        this.plugin = plugin;
    }

    /**
     * {@code provider}'s decoder, checked.
     *
     * @throws PluginException naming the plugin when its factory returned null
     */
    public static ImageDecoder of(ImageDecoderProvider provider, ImageDecoder decoder) {
        String plugin = "the decoder plugin '" + provider.id() + "' (" + provider.getClass().getName() + ")";
        if (decoder == null) {
            throw new PluginException(plugin + " created no decoder: its create() returned null");
        }
        return new CheckedDecoder(decoder, plugin);
    }

    @Override
    public Image decode(ByteBuffer encoded, DecodeOptions options) throws DecodeException {
        return checked(decoder.decode(encoded, options), "<bytes>");
    }

    @Override
    public Image decode(Path file, DecodeOptions options) throws DecodeException {
        return checked(decoder.decode(file, options), file.toString());
    }

    /** The plugin's own, so that a decoder that uses the buffers gets them. */
    @Override
    public Image decode(ByteBuffer encoded, DecodeOptions options, DecodeBuffers buffers) throws DecodeException {
        return checked(decoder.decode(encoded, options, buffers), "<bytes>");
    }

    /** The plugin's own, so that a decoder that uses the buffers gets them. */
    @Override
    public Image decode(Path file, DecodeOptions options, DecodeBuffers buffers) throws DecodeException {
        return checked(decoder.decode(file, options, buffers), file.toString());
    }

    private Image checked(Image image, String source) throws DecodeException {
        if (image == null) {
            throw new DecodeException(source, plugin + " returned no image (null); a decoder returns an image or "
                    + "throws DecodeException");
        }
        return image;
    }

    @Override
    public String toString() {
        return decoder.toString();
    }
}
