package dev.sluice.core.target;

import dev.sluice.api.DecodeException;
import dev.sluice.api.LabelFormatException;
import dev.sluice.api.spi.ImageHeader;
import dev.sluice.api.spi.RegularFiles;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.SegmentationMask;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads class-index masks from PNG files with the JDK's PNG reader, keeping the stored sample
 * values: a palette PNG gives its palette indices (VOC's {@code SegmentationClass}, where 255 marks
 * borders), a grey PNG its grey levels, 8-bit as uint8 and 16-bit as int32. Colour PNGs are refused,
 * since their pixels are not class indices. The header is read first and must give the image's
 * size, so nothing is allocated for a size the file merely claims. Thread-safe.
 */
public final class PngClassMasks implements MaskFiles {

    /** A reader; constructing one does nothing else. */
    public PngClassMasks() {
    }

    @Override
    public SegmentationMask read(String path, CanvasSize image) throws IOException {
        byte[] bytes = RegularFiles.readAllBytes(Path.of(path));
        ImageHeader header;
        try {
            header = ImageHeader.read(ByteBuffer.wrap(bytes));
        } catch (DecodeException e) {
            throw e.withSource(path);
        }
        if (!header.format().equals("png")) {
            throw new DecodeException(path, "a " + header.format() + " file; class-index masks are read from PNG files");
        }
        CanvasSize size = new CanvasSize(header.height(), header.width());
        if (!size.equals(image)) {
            throw new LabelFormatException(path + ": the mask is " + size + " (HxW) but its image is " + image);
        }
        Raster raster = decode(path, bytes);
        if (raster.getNumBands() != 1) {
            throw new DecodeException(path, "a PNG with " + raster.getNumBands() + " channels; a class-index mask is "
                    + "a palette or grey PNG");
        }
        int[] values = raster.getSamples(0, 0, image.width(), image.height(), 0, (int[]) null);
        if (raster.getSampleModel().getSampleSize(0) > 8) {
            return SegmentationMask.classIndex(image, values);
        }
        byte[] narrow = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            narrow[i] = (byte) values[i];
        }
        return SegmentationMask.classIndex(image, narrow);
    }

    private static Raster decode(String path, byte[] bytes) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
            if (!readers.hasNext()) {
                throw new DecodeException(path, "this Java runtime has no PNG reader");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                BufferedImage decoded = reader.read(0);
                return decoded.getRaster();
            } catch (IOException | RuntimeException e) {
                throw new DecodeException(path, "not a readable PNG: " + e.getMessage(), e);
            } finally {
                reader.dispose();
            }
        }
    }
}
