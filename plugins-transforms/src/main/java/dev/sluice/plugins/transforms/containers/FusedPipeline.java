package dev.sluice.plugins.transforms.containers;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.SlotTransform;
import dev.sluice.api.Tensor;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.api.spi.ConfiguredTransform;
import dev.sluice.api.Transform;
import dev.sluice.api.Region;
import dev.sluice.plugins.transforms.Size;
import dev.sluice.plugins.transforms.geometry.CenterCrop;
import dev.sluice.plugins.transforms.geometry.RandomHorizontalFlip;
import dev.sluice.plugins.transforms.geometry.RandomResizedCrop;
import dev.sluice.plugins.transforms.resize.Resize;
import dev.sluice.plugins.transforms.resize.AxisTables;
import dev.sluice.plugins.transforms.resize.NearestResampler;
import dev.sluice.plugins.transforms.resize.Resampler;
import dev.sluice.plugins.transforms.resize.RowSink;
import dev.sluice.plugins.transforms.resize.Window;
import dev.sluice.plugins.transforms.tensor.Normalize;
import dev.sluice.plugins.transforms.tensor.TensorRows;
import dev.sluice.plugins.transforms.tensor.ToTensor;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * {@code resize}, {@code center_crop} (either or both) or {@code random_resized_crop}, then an
 * optional {@code random_horizontal_flip}, then {@code to_tensor} and an optional {@code normalize},
 * done in one pass: the resampler computes only the pixels the crop keeps, reading the source in
 * place, and each output row is turned into normalised floats ({@code (v / 255f - mean) / std}, per
 * channel) straight into the CHW float buffer, mirrored if the flip says so. {@code compose} builds it when
 * it finds such a run of steps.
 *
 * <p>The result is bit for bit what the steps give one after the other, and the random source is
 * drawn in the same order (crop, then flip). A 16-bit image goes through the steps one after the
 * other. As a {@link SlotTransform} it writes into any buffer at
 * any offset, so a loader can fill each sample's slot of a batch tensor directly.
 */
final class FusedPipeline implements Transform<Image, Tensor>, SlotTransform<Image> {
    private final Resize resize;
    private final CenterCrop center;
    private final RandomResizedCrop randomCrop;
    private final RandomHorizontalFlip flip;
    private final Normalize normalize;

    /** Any of the parts may be null, but {@code randomCrop} excludes {@code resize} and {@code center}. */
    FusedPipeline(Resize resize, CenterCrop center, RandomResizedCrop randomCrop, RandomHorizontalFlip flip,
            Normalize normalize) {
        if (randomCrop != null && (resize != null || center != null)) {
            throw new IllegalArgumentException("random_resized_crop is fused alone, not after resize or center_crop");
        }
        this.resize = resize;
        this.center = center;
        this.randomCrop = randomCrop;
        this.flip = flip;
        this.normalize = normalize;
    }

    /**
     * What to compute for one image: the image to read (the input, or a padded copy of it), the
     * resampler, the window of its output, and the mirror. It holds no pixels of its own, so it may
     * wait any time before it is written.
     */
    private record Plan(Image source, Resampler resampler, Window window, boolean mirror, Targets targets) {
    }

    /**
     * @throws IllegalArgumentException naming {@code normalize}'s option when its means or stds do not
     *         fit the image's channels: here, with the sample, rather than when the batch is written
     */
    @Override
    public SlotTransform.Pending prepare(Image image, RandomGenerator random) {
        return prepareWithTargets(Targeted.of(image), random).value();
    }

    /**
     * As {@link #prepare}, the targets moved by each fused step as that step alone moves them (crop
     * or resize and centre crop, then the flip; {@code to_tensor} and {@code normalize} keep them), so
     * that they equal the unfused chain's, onto the canvas of the tensor to be written.
     */
    @Override
    public Targeted<SlotTransform.Pending> prepareWithTargets(Targeted<? extends Image> input, RandomGenerator random) {
        Image image = input.value();
        if (image.dtype() != DType.UINT8) {
            return stepByStep(input, random);
        }
        int channels = image.channels();
        float[] mean = normalize == null ? new float[channels] : normalize.means(channels);
        float[] std = stds(channels);
        Plan plan = plan(image, input.targets(), random);
        return Targeted.of(new Prepared(image, plan, mean, std), plan.targets());
    }

    /**
     * True: the prepared result holds the input only until it is written (the write reads its pixels
     * where they lie, during the call), and nothing here keeps it afterwards.
     */
    @Override
    public boolean releasesInput() {
        return true;
    }

    /** Every fused step carries targets. */
    @Override
    public boolean carriesTargets() {
        return true;
    }

    /** One image planned: crop and flip drawn, nothing computed yet. */
    private final class Prepared implements SlotTransform.Pending {
        private final Image image;
        private final Plan plan;
        private final float[] mean;
        private final float[] std;

        Prepared(Image image, Plan plan, float[] mean, float[] std) {
            this.image = image;
            this.plan = plan;
            this.mean = mean;
            this.std = std;
        }

        @Override
        public DType dtype() {
            return DType.FLOAT32;
        }

        @Override
        public int[] shape() {
            Window window = plan.window();
            return new int[] {image.channels(), window.height(), window.width()};
        }

        @Override
        public void writeTo(ByteBuffer destination, int byteOffset) {
            int channels = image.channels();
            Window window = plan.window();
            long bytes = (long) channels * window.width() * window.height() * Float.BYTES;
            FloatBuffer floats = SlotTransform.slot(destination, byteOffset, bytes).asFloatBuffer();
            RowSink sink = new TensorRows(floats, 0, window.width(), window.height(), channels, mean, std,
                    plan.mirror());
            plan.resampler().resample(plan.source(), window, sink);
        }
    }

    /**
     * The steps one after the other, for a 16-bit image, which the one-pass kernels (tuned for bytes)
     * do not take: the same draws in the same order (crop, then flip) and the same values as the
     * separate steps, computed now, the targets moved by each step as it alone moves them.
     */
    private Targeted<SlotTransform.Pending> stepByStep(Targeted<? extends Image> input, RandomGenerator random) {
        Targeted<Image> current = Targeted.of(input.value(), input.targets());
        if (randomCrop != null) {
            current = randomCrop.applyWithTargets(current, random);
        } else {
            current = resize == null ? current : resize.applyWithTargets(current, random);
            current = center == null ? current : center.applyWithTargets(current, random);
        }
        current = flip == null ? current : flip.applyWithTargets(current, random);
        Tensor tensor = ToTensor.of().apply(current.value(), random);
        tensor = normalize == null ? tensor : normalize.apply(tensor, random);
        return Targeted.of(new Computed(tensor), current.targets());
    }

    /** A result computed when prepared: writing copies it. */
    private static final class Computed implements SlotTransform.Pending {
        private final Tensor tensor;

        Computed(Tensor tensor) {
            this.tensor = tensor;
        }

        @Override
        public DType dtype() {
            return tensor.dtype();
        }

        @Override
        public int[] shape() {
            return tensor.shape();
        }

        @Override
        public void writeTo(ByteBuffer destination, int byteOffset) {
            SlotTransform.slot(destination, byteOffset, tensor.byteSize()).put(tensor.data());
        }
    }

    private float[] stds(int channels) {
        if (normalize != null) {
            return normalize.stds(channels);
        }
        float[] ones = new float[channels];
        Arrays.fill(ones, 1f);
        return ones;
    }

    private Plan plan(Image image, Targets given, RandomGenerator random) {
        Image source = image;
        Targets targets = given;
        Resampler resampler;
        Window window;
        if (randomCrop != null) {
            Region crop = randomCrop.window(source.width(), source.height(), random);
            targets = randomCrop.moveTargets(targets, crop);
            Size size = randomCrop.size();
            resampler = crop.height() == size.height() && crop.width() == size.width()
                    ? copy(crop.x(), crop.y(), crop.width(), crop.height())
                    : randomCrop.resampler(crop);
            window = Window.whole(size.width(), size.height());
        } else {
            Size resized = resize == null ? new Size(source.width(), source.height())
                    : resize.outputSize(source.width(), source.height());
            boolean unchanged = resized.width() == source.width() && resized.height() == source.height();
            if (resize != null && !targets.isEmpty()) {
                targets = resize.moveTargets(targets, source.width(), source.height());
            }
            if (center != null && !targets.isEmpty()) {
                targets = center.moveTargets(targets, resized.width(), resized.height());
            }
            if (center != null && (center.size().width() > resized.width() || center.size().height() > resized.height())) {
                // A crop larger than the image pads it first: rare enough to do step by step.
                Image resizedImage = resize == null ? image : resize.apply(image, random);
                source = center.apply(resizedImage, random);
                resampler = copy(0, 0, source.width(), source.height());
                window = Window.whole(source.width(), source.height());
            } else {
                resampler = unchanged ? copy(0, 0, source.width(), source.height())
                        : resize.resampler(source.width(), source.height());
                if (center != null) {
                    Region kept = center.window(resized.width(), resized.height());
                    window = new Window(kept.x(), kept.y(), kept.x() + kept.width(), kept.y() + kept.height());
                } else {
                    window = Window.whole(resized.width(), resized.height());
                }
            }
        }
        boolean mirror = flip != null && flip.draw(random);
        return new Plan(source, resampler, window, mirror, mirror ? targets.flippedHorizontally() : targets);
    }

    private static Resampler copy(int x, int y, int width, int height) {
        return new NearestResampler(AxisTables.identity(x, width), AxisTables.identity(y, height));
    }

    /**
     * {@code steps} with each run that this class can do in one pass replaced by one fused step:
     * [resize] [center_crop] or random_resized_crop, then [random_horizontal_flip], then to_tensor,
     * then [normalize] (bracketed parts optional; at least two steps). The fused step's key path is the
     * first step's.
     */
    static List<ConfiguredTransform> fuseRuns(List<ConfiguredTransform> steps) {
        List<ConfiguredTransform> out = new ArrayList<>();
        int i = 0;
        while (i < steps.size()) {
            int start = i;
            Resize resize = null;
            CenterCrop center = null;
            RandomResizedCrop randomCrop = null;
            RandomHorizontalFlip flip = null;
            Normalize normalize = null;
            if (at(steps, i) instanceof RandomResizedCrop r) {
                randomCrop = r;
                i++;
            } else {
                if (at(steps, i) instanceof Resize r) {
                    resize = r;
                    i++;
                }
                if (at(steps, i) instanceof CenterCrop c) {
                    center = c;
                    i++;
                }
            }
            if (at(steps, i) instanceof RandomHorizontalFlip f) {
                flip = f;
                i++;
            }
            if (at(steps, i) instanceof ToTensor) {
                i++;
                if (at(steps, i) instanceof Normalize n) {
                    normalize = n;
                    i++;
                }
                if (i - start >= 2) {
                    FusedPipeline fused = new FusedPipeline(resize, center, randomCrop, flip, normalize);
                    ConfiguredTransform first = steps.get(start);
                    StringBuilder ids = new StringBuilder();
                    for (int k = start; k < i; k++) {
                        ids.append(k == start ? "" : "+").append(steps.get(k).id());
                    }
                    out.add(new ConfiguredTransform(ids.toString(), first.keyPath(), fused));
                    continue;
                }
            }
            out.add(steps.get(start));
            i = start + 1;
        }
        return out;
    }

    private static Object at(List<ConfiguredTransform> steps, int i) {
        return i < steps.size() ? steps.get(i).transform() : null;
    }

    @Override
    public Class<?> inputType() {
        return Image.class;
    }

    @Override
    public Class<?> outputType() {
        return Tensor.class;
    }

    /** The count it gets, checked against {@code normalize}'s means and stds when there is one. */
    @Override
    public OptionalInt outputChannels(OptionalInt input) {
        return normalize == null ? input : normalize.outputChannels(input);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("fused[");
        for (Object part : new Object[] {resize, center, randomCrop, flip, "to_tensor", normalize}) {
            if (part != null) {
                text.append(text.length() > 6 ? ", " : "").append(part);
            }
        }
        return text.append(']').toString();
    }
}
