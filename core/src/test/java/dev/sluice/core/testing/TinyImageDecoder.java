package dev.sluice.core.testing;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A decoder for a format made for these tests, since core has no real decoder: three bytes, width,
 * height and the value every sample is filled with. Grey when asked for grey, else RGB.
 */
public final class TinyImageDecoder implements ImageDecoder {

    public static byte[] encode(int width, int height, int fill) {
        return new byte[] {(byte) width, (byte) height, (byte) fill};
    }

    @Override
    public Image decode(ByteBuffer encoded, DecodeOptions options) throws DecodeException {
        if (encoded.remaining() != 3) {
            throw new DecodeException("<bytes>", "not a tiny image: " + encoded.remaining() + " bytes, expected 3");
        }
        int width = encoded.get(encoded.position()) & 0xFF;
        int height = encoded.get(encoded.position() + 1) & 0xFF;
        if (width == 0 || height == 0) {
            throw new DecodeException("<bytes>", "a tiny image of " + width + "x" + height + " is empty");
        }
        int channels = options.mode() == ColorMode.GRAY ? 1 : 3;
        byte[] pixels = new byte[width * height * channels];
        Arrays.fill(pixels, encoded.get(encoded.position() + 2));
        return Image.wrap(width, height, channels, pixels);
    }
}
