package dev.sluice.core.testing;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.ReduceLimit;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.AbstractPluginProvider;
import dev.sluice.api.spi.Reductions;
import dev.sluice.api.spi.TransformProvider;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Small transforms registered for the wiring tests, with typed inputs and outputs. */
public final class TestTransformProviders {
    private TestTransformProviders() {
    }

    /** A test transform's id, and priority 0. */
    abstract static class TestTransformProvider extends AbstractPluginProvider implements TransformProvider {
        TestTransformProvider(String id) {
            super(id, 0);
        }
    }

    /** {@code test-to-tensor}: HWC uint8 image to CHW float32 in [0, 1]. */
    public static final class ToTensor extends TestTransformProvider {
        public ToTensor() {
            super("test-to-tensor");
        }

        @Override
        public Transform<Image, Tensor> create(Options options) {
            options.requireOnly(Set.of());
            return Transform.typed(Image.class, Tensor.class, (image, random) -> {
                int h = image.height();
                int w = image.width();
                int c = image.channels();
                float[] chw = new float[c * h * w];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        for (int k = 0; k < c; k++) {
                            chw[(k * h + y) * w + x] = image.get(x, y, k) / 255f;
                        }
                    }
                }
                return Tensor.ofFloats(new int[] {c, h, w}, chw);
            });
        }
    }

    /** {@code test-scale}: multiplies a float32 tensor by {@code factor} (required). */
    public static final class Scale extends TestTransformProvider {
        public Scale() {
            super("test-scale");
        }

        @Override
        public Transform<Tensor, Tensor> create(Options options) {
            options.requireOnly(Set.of("factor"));
            if (!options.has("factor")) {
                throw new dev.sluice.api.OptionsException(options.keyPath("factor"), "required option is missing");
            }
            float factor = (float) options.getDouble("factor", 1);
            return Transform.typed(Tensor.class, Tensor.class, (tensor, random) -> {
                float[] values = tensor.toFloatArray();
                for (int i = 0; i < values.length; i++) {
                    values[i] *= factor;
                }
                return Tensor.ofFloats(tensor.shape(), values);
            });
        }
    }

    /**
     * {@code test-resize}: nearest-neighbour resize to {@code width} x {@code height} (both required),
     * which allows the decoder to reduce while both sides stay at least that size.
     */
    public static final class Resize extends TestTransformProvider {
        public Resize() {
            super("test-resize");
        }

        @Override
        public Transform<Image, Image> create(Options options) {
            options.requireOnly(Set.of("width", "height"));
            int width = options.getInt("width", 1);
            int height = options.getInt("height", 1);
            return new Transform<>() {
                @Override
                public Image apply(Image image, RandomGenerator random) {
                    int c = image.channels();
                    byte[] out = new byte[width * height * c];
                    for (int y = 0; y < height; y++) {
                        for (int x = 0; x < width; x++) {
                            for (int k = 0; k < c; k++) {
                                out[(y * width + x) * c + k] = (byte) image.get(x * image.width() / width,
                                        y * image.height() / height, k);
                            }
                        }
                    }
                    return Image.wrap(width, height, c, out);
                }

                @Override
                public Class<?> inputType() {
                    return Image.class;
                }

                @Override
                public Class<?> outputType() {
                    return Image.class;
                }

                @Override
                public ReduceLimit reduceLimit(ReduceLimit next) {
                    return (imageWidth, imageHeight) -> {
                        for (int factor = 8; factor > 1; factor /= 2) {
                            if (Reductions.reducedLength(imageWidth, factor) >= width
                                    && Reductions.reducedLength(imageHeight, factor) >= height) {
                                return factor;
                            }
                        }
                        return 1;
                    };
                }
            };
        }
    }
}
