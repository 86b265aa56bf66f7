package dev.sluice.examples.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import dev.sluice.api.Dataset;
import dev.sluice.api.Image;
import dev.sluice.api.Tensor;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.sampler.Seeds;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A Sluice map-style dataset as a DJL {@link RandomAccessDataset}, for code that wants DJL's own
 * sampling, batchifying and splitting ({@code setSampling}, {@code randomSplit}, {@code
 * subDataset}, {@code toArray}) over samples that Sluice decodes and transforms.
 *
 * <p>DJL reads one sample at a time and stacks them itself, so every sample is copied into DJL
 * memory and then again into the batch. For training, {@link SluiceDataset} over a loader with
 * {@code pinMemory(true)} avoids both copies; use this class where DJL insists on a
 * {@code RandomAccessDataset}.
 *
 * <p>Record {@code i} holds the sample's input ({@link Tensor} with its shape and type, or an
 * {@link Image} as uint8 (H, W, C)) and its labels: a scalar int64 for one label, a vector for
 * several. DJL gives a record no epoch number, so the random augmentation of the k-th read of
 * sample {@code i} draws from (seed, k, i): each pass over the data is augmented afresh, and the
 * same reads give the same samples whatever thread reads them.
 *
 * <pre>{@code
 * SluiceRandomAccessDataset dataset = SluiceRandomAccessDataset.builder(sluiceDataset)
 *         .seed(42).setSampling(32, true).build();
 * RandomAccessDataset[] trainAndTest = dataset.randomSplit(8, 2);
 * }</pre>
 *
 * <p>Safe for concurrent reads when the Sluice dataset is, as its contract requires.
 */
public final class SluiceRandomAccessDataset extends RandomAccessDataset {
    private final Dataset<? extends LabeledSample<?>> dataset;
    private final long seed;
    private final AtomicIntegerArray reads;

    private SluiceRandomAccessDataset(Builder builder) {
        super(builder);
        this.dataset = builder.dataset;
        this.seed = builder.seed;
        this.reads = new AtomicIntegerArray((int) builder.dataset.size());
    }

    /**
     * A builder over {@code dataset}, whose samples' inputs must be tensors or images. Set DJL's
     * sampling ({@code setSampling}) before {@code build()}, as for any DJL dataset.
     *
     * @throws NullPointerException if {@code dataset} is null
     */
    public static Builder builder(Dataset<? extends LabeledSample<?>> dataset) {
        return new Builder(Objects.requireNonNull(dataset, "dataset"));
    }

    /**
     * Reads sample {@code index} and makes its record, with arrays attached to {@code manager}.
     *
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, size())}
     * @throws IllegalArgumentException if the sample's input is neither a {@link Tensor} nor an
     *         {@link Image}, naming its class and the index
     * @throws RuntimeException whatever the Sluice dataset throws for a sample it cannot read (for
     *         example {@code SampleLoadException}, naming the index and the file)
     */
    @Override
    public Record get(NDManager manager, long index) {
        if (index < 0 || index >= reads.length()) {
            throw new IndexOutOfBoundsException("index " + index + " is outside a dataset of size " + reads.length());
        }
        int pass = reads.getAndIncrement((int) index);
        LabeledSample<?> sample = dataset.get(index, Seeds.random(seed, pass, index));
        NDArray input;
        if (sample.image() instanceof Tensor tensor) {
            input = TensorArrays.toNdArray(tensor, manager);
        } else if (sample.image() instanceof Image image) {
            input = manager.create(image.sampleBytes(), new Shape(image.height(), image.width(), image.channels()),
                    TensorArrays.dataType(image.dtype()));
        } else {
            throw new IllegalArgumentException("sample " + index + " has a " + sample.image().getClass().getName()
                    + " as input; DJL records take a Tensor or an Image");
        }
        long[] labels = sample.labels();
        NDArray label = labels.length == 1 ? manager.create(labels[0]) : manager.create(labels);
        return new Record(new NDList(input), new NDList(label));
    }

    @Override
    protected long availableSize() {
        return reads.length();
    }

    /** Nothing to prepare: samples are read when DJL asks for them. */
    @Override
    public void prepare(Progress progress) {
    }

    /**
     * Configures a {@link SluiceRandomAccessDataset}: DJL's options (sampling, batchifiers,
     * pipelines, limit) and the seed of the augmentation. Not thread-safe.
     */
    public static final class Builder extends BaseBuilder<Builder> {
        private final Dataset<? extends LabeledSample<?>> dataset;
        private long seed;

        private Builder(Dataset<? extends LabeledSample<?>> dataset) {
            this.dataset = dataset;
        }

        /** The seed every sample's augmentation derives from; default 0. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * The dataset.
         *
         * @throws NullPointerException if no sampling was set (DJL's message: "The sampler must be set")
         * @throws IllegalArgumentException if the Sluice dataset has more than {@code Integer.MAX_VALUE}
         *         samples, more than DJL's samplers index
         */
        public SluiceRandomAccessDataset build() {
            if (dataset.size() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("the dataset has " + dataset.size() + " samples; DJL's samplers "
                        + "index at most " + Integer.MAX_VALUE);
            }
            return new SluiceRandomAccessDataset(this);
        }
    }
}
