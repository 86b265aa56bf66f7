package com.example.acme;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Region;
import java.nio.ByteBuffer;

/**
 * Decodes PGM and PPM images. Samples are scaled from {@code [0, maxval]} to {@code [0, 255]}
 * (rounded to nearest); the region is cut first, then the colour mode applied, then the size
 * reduced by block averages. Stateless, so safe for concurrent use.
 */
final class PnmDecoder implements ImageDecoder {

    @Override
    public Image decode(ByteBuffer encoded, DecodeOptions options) throws DecodeException {
        // A duplicate, so that the caller's position and limit stay where they were.
        ByteBuffer data = encoded.duplicate();
        PnmHeader header = PnmHeader.parse(data);
        long pixels = (long) header.width() * header.height();
        if (pixels > options.maxPixels()) {
            throw new DecodeException("<bytes>", header.describe() + " has " + pixels + " pixels, more than the limit of "
                    + options.maxPixels() + " (DecodeOptions.maxPixels)");
        }
        Region region = options.region() != null ? options.region() : new Region(0, 0, header.width(), header.height());
        if (!region.fitsIn(header.width(), header.height())) {
            throw new DecodeException("<bytes>", "region " + region + " lies outside the " + header.width() + "x"
                    + header.height() + " image");
        }
        byte[] samples = PnmSamples.read(data, header, region);
        int channels = header.channels();
        if (options.mode() == ColorMode.RGB && channels == 1) {
            samples = Rasters.greyToRgb(samples);
            channels = 3;
        } else if (options.mode() == ColorMode.GRAY && channels == 3) {
            samples = Rasters.rgbToGrey(samples);
            channels = 1;
        }
        int factor = options.reduce();
        if (factor == 1) {
            return Image.wrap(region.width(), region.height(), channels, samples);
        }
        byte[] reduced = Rasters.reduce(samples, region.width(), region.height(), channels, factor);
        return Image.wrap(Rasters.ceilDiv(region.width(), factor), Rasters.ceilDiv(region.height(), factor), channels,
                reduced);
    }
}
