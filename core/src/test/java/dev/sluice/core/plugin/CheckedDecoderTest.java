package dev.sluice.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.spi.AbstractPluginProvider;
import dev.sluice.api.spi.ImageDecoderProvider;
import dev.sluice.core.testing.TinyImageDecoder;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin decoder that breaks its contract by returning null is named with its plugin, for the
 * file at hand (issue 15, item 16), instead of surfacing as a NullPointerException in a transform.
 */
class CheckedDecoderTest {
    @TempDir
    Path dir;

    /** A third party's provider whose decoder answers null for every image. */
    private static final class NullDecoderProvider extends AbstractPluginProvider implements ImageDecoderProvider {
        public NullDecoderProvider() {
            super("acme-null", 0);
        }

        @Override
        public ImageDecoder create(Options options) {
            return (encoded, decodeOptions) -> null;
        }
    }

    @Test
    void aDecoderReturningNullIsNamedWithItsPluginAndTheFile() throws Exception {
        NullDecoderProvider provider = new NullDecoderProvider();
        ImageDecoder decoder = CheckedDecoder.of(provider, provider.create(Options.empty()));
        Path file = Files.write(dir.resolve("cat.pnm"), new byte[] {1, 2, 3});
        DecodeException e = assertThrows(DecodeException.class, () -> decoder.decode(file, DecodeOptions.DEFAULT));
        assertEquals(file + ": the decoder plugin 'acme-null' (" + NullDecoderProvider.class.getName() + ") returned "
                + "no image (null); a decoder returns an image or throws DecodeException", e.getMessage());
        assertEquals("<bytes>: the decoder plugin 'acme-null' (" + NullDecoderProvider.class.getName() + ") returned "
                + "no image (null); a decoder returns an image or throws DecodeException",
                assertThrows(DecodeException.class, () -> decoder.decode(ByteBuffer.allocate(3),
                        DecodeOptions.DEFAULT)).getMessage());
    }

    @Test
    void aFactoryReturningNullIsNamed() {
        PluginException e = assertThrows(PluginException.class, () -> CheckedDecoder.of(new NullDecoderProvider(),
                null));
        assertEquals("the decoder plugin 'acme-null' (" + NullDecoderProvider.class.getName() + ") created no decoder: "
                + "its create() returned null", e.getMessage());
    }

    @Test
    void aDecoderKeepingItsContractIsUnchanged() throws Exception {
        NullDecoderProvider provider = new NullDecoderProvider();
        ImageDecoder tiny = new TinyImageDecoder();
        Image image = CheckedDecoder.of(provider, tiny).decode(ByteBuffer.wrap(TinyImageDecoder.encode(2, 3, 7)),
                DecodeOptions.DEFAULT);
        assertEquals(2, image.width());
        assertEquals(3, image.height());
        assertEquals(tiny.toString(), CheckedDecoder.of(provider, tiny).toString());
    }
}
