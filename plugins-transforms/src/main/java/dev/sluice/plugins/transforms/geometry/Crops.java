package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.api.Region;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.Raster;
import java.util.random.RandomGenerator;

/**
 * The crop family: {@code center_crop}, {@code random_crop}, {@code random_resized_crop} and the
 * seed's {@code crop} of a rectangle, with torchvision's rounding and padding rules.
 */
public final class Crops {
    private Crops() {
    }

    /** The rectangle {@code (left, top, width, height)} of {@code source}, which must lie inside it. */
    static Raster cut(Raster source, int left, int top, int width, int height) {
        if (left == 0 && top == 0 && width == source.width && height == source.height) {
            return source;
        }
        int channels = source.channels;
        byte[] out = new byte[width * height * channels];
        int rowBytes = width * channels;
        for (int y = 0; y < height; y++) {
            System.arraycopy(source.data, ((top + y) * source.width + left) * channels, out, y * rowBytes, rowBytes);
        }
        return new Raster(out, width, height, channels);
    }

    /**
     * torchvision's {@code center_crop}: a side larger than the image is first zero-padded by
     * {@code (c - s) // 2} before and {@code (c - s + 1) // 2} after; the crop then starts at
     * {@code round((s - c) / 2)}, rounding half to even as Python's {@code round}.
     */
    static Raster center(Raster source, int cropHeight, int cropWidth) {
        if (cropWidth > source.width || cropHeight > source.height) {
            int padX = Math.max(0, cropWidth - source.width);
            int padY = Math.max(0, cropHeight - source.height);
            source = Pad.pad(source, padX / 2, padY / 2, (padX + 1) / 2, (padY + 1) / 2, Pad.Mode.CONSTANT, new int[] {0});
        }
        return cut(source, centerOffset(source.width, cropWidth), centerOffset(source.height, cropHeight), cropWidth,
                cropHeight);
    }

    /** {@code int(round((size - crop) / 2.0))} with Python's round half to even. */
    public static int centerOffset(int size, int crop) {
        return (int) Math.rint((size - crop) / 2.0);
    }

    /** {@code center_crop}. */
    public static final class Center implements ImageTransform {
        public final int height;
        public final int width;

        Center(int height, int width) {
            this.height = height;
            this.width = width;
        }

        @Override
        public Image apply(Image image, RandomGenerator random) {
            if (image.width() == width && image.height() == height) {
                return image;
            }
            return center(Raster.of(image), height, width).toImage();
        }

        @Override
        public String toString() {
            return "center_crop(size=" + height + "x" + width + ")";
        }
    }

    /** {@code random_crop}: optional padding, optional padding up to the crop size, then a uniform position. */
    static final class Random implements ImageTransform {
        private final int height;
        private final int width;
        private final int[] padding;
        private final boolean padIfNeeded;
        private final int[] fill;
        private final Pad.Mode mode;

        /** @param padding left, top, right, bottom, or null for none */
        Random(int height, int width, int[] padding, boolean padIfNeeded, int[] fill, Pad.Mode mode) {
            this.height = height;
            this.width = width;
            this.padding = padding == null ? null : padding.clone();
            this.padIfNeeded = padIfNeeded;
            this.fill = fill.clone();
            this.mode = mode;
        }

        @Override
        public Image apply(Image image, RandomGenerator random) {
            Raster source = Raster.of(image);
            if (padding != null) {
                source = Pad.pad(source, padding[0], padding[1], padding[2], padding[3], mode, fill);
            }
            if (padIfNeeded && source.width < width) {
                int extra = width - source.width;
                source = Pad.pad(source, extra, 0, extra, 0, mode, fill);
            }
            if (padIfNeeded && source.height < height) {
                int extra = height - source.height;
                source = Pad.pad(source, 0, extra, 0, extra, mode, fill);
            }
            int[] position = position(source.width, source.height, random);
            return cut(source, position[1], position[0], width, height).toImage();
        }

        /**
         * torchvision's {@code RandomCrop.get_params}: {top, left}, drawing the top then the left
         * uniformly, or nothing when the image already has the crop size.
         *
         * @throws IllegalArgumentException when the (padded) image is smaller than the crop
         */
        int[] position(int imageWidth, int imageHeight, RandomGenerator random) {
            if (imageHeight < height || imageWidth < width) {
                throw new IllegalArgumentException("Required crop size (" + height + ", " + width
                        + ") is larger than input image size (" + imageHeight + ", " + imageWidth + ")");
            }
            if (imageWidth == width && imageHeight == height) {
                return new int[] {0, 0};
            }
            int top = random.nextInt(imageHeight - height + 1);
            int left = random.nextInt(imageWidth - width + 1);
            return new int[] {top, left};
        }

        @Override
        public String toString() {
            return "random_crop(size=" + height + "x" + width + ")";
        }
    }

    /** The seed's {@code get_rect_image}: the rectangle {@code [x, y, w, h]}, which must lie inside the image. */
    static final class Rect implements ImageTransform {
        private final Region rect;

        Rect(Region rect) {
            this.rect = rect;
        }

        @Override
        public Image apply(Image image, RandomGenerator random) {
            if (!rect.fitsIn(image.width(), image.height())) {
                throw new IllegalArgumentException("crop rectangle " + rect + " is not inside the " + image.width()
                        + "x" + image.height() + " image");
            }
            return cut(Raster.of(image), rect.x(), rect.y(), rect.width(), rect.height()).toImage();
        }

        @Override
        public String toString() {
            return "crop(rect=" + rect + ")";
        }
    }
}
