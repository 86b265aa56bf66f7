package dev.sluice.core.wiring;

import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.SlotTransform;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.ImageHeader;
import dev.sluice.core.dataset.SampleRandom;
import dev.sluice.core.dataset.SampleRecipe;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a configured loader's per-image code (the strict JPEG walk, the decoder, the transforms into a
 * tensor slot) on a photograph of its own, on a thread of its own, while the main thread still builds
 * the rest of the loader (loads the decoder's native library, reads and checks the label file): so
 * that the JIT compilers have compiled that code on the otherwise idle second core by the time the
 * workers start, instead of beside them during the first batch (BENCHMARKS.md, "Issue 14, fifth
 * round").
 *
 * <p>It never touches what the loader reads or counts: it decodes the photograph {@code warm-up.jpg}
 * (500x375, 4:2:0, made by {@code core/src/main/warm-up/MakeWarmUpJpeg.java}) from memory, draws from
 * random sources of its own ({@link SampleRandom#outsideALoader}), and writes into a buffer of its own;
 * the decoder and the transforms are thread-safe by their contracts. Until the decoder is handed over
 * ({@link #decodeWith}) it walks the photograph's coded data as every strict decoder does first and
 * runs the transforms on pixels made here; then it decodes as a worker does, into {@link DecodeBuffers}
 * of its own when the transforms let go of their input ({@link SampleRecipe#releasesInputs}), so that
 * the same decode path is compiled. Under {@code decoder: auto}, whose decoders are made on the first
 * file of their format, its first image makes the JPEG decoder (and loads its library) while the main
 * thread reads the label file. A failure (a decoder or a transform that refuses this
 * photograph under the configured options) ends the warm-up and is logged at info with its reason:
 * the loader meets such a failure, if it is one, on its own data and reports it there. It stops after
 * {@link #MAX_IMAGES} images or {@link #MAX_NANOS}, or at {@link #close}, which waits for the step in
 * hand, so no thread outlives the loader's construction; a construction that succeeds first waits
 * ({@link #awaitMinimum}) for {@link #MIN_DECODED} images through the decoder, within {@link #MAX_NANOS}
 * of the start.
 */
final class WarmUp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    /** The name of the warm-up thread. */
    static final String THREAD_NAME = "sluice-warm-up";
    /**
     * Enough for each once-per-image method to reach C1's profiling tier (200 calls) and the per-row and
     * per-block ones C2; more would only keep the second core from the compilers (BENCHMARKS.md).
     */
    static final int MAX_IMAGES = 200;
    /**
     * What {@link #awaitMinimum} waits for, within {@link #MAX_NANOS} of the start: images through the
     * configured decoder and the transforms. The first loads what the first file needs (a decoder that
     * {@code auto} makes on first use loads its library then) and touches each step's memory once; by
     * the sixteenth the per-image code runs compiled by C1. Measured against 1, 4, 8 and 32: fewer left
     * the first batch after the loader's creation above 0.25 s, more made it no shorter and came later
     * from the command's start (BENCHMARKS.md, "Issue 14, sixth round: start-up").
     */
    static final int MIN_DECODED = 16;
    /** A bound for a loader whose construction takes long (a large label file); the photograph is then warm. */
    static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final String PHOTOGRAPH = "warm-up.jpg";
    private static final WarmUp NONE = new WarmUp(null, null, false, 0);
    private static final SampleRecipe.Failure FAILURE = IllegalStateException::new;

    private final Transform<Image, Object> pipeline;
    private final DecodeOptions options;
    private final boolean direct;
    private final long maxNanos;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile ImageDecoder decoder;
    /** Images run through; read after {@link #close} has joined the thread. */
    private int images;
    /** Of those, the ones through the configured decoder; read after {@link #close} has joined the thread. */
    private int decoded;
    /** When the thread started, for {@link #awaitMinimum}'s bound. */
    private long started;
    /** Counted down once {@link #MIN_DECODED} images have gone through the configured decoder, or the warm-up ended. */
    private final CountDownLatch enough = new CountDownLatch(1);

    private WarmUp(Transform<Image, Object> pipeline, DecodeOptions options, boolean direct, long maxNanos) {
        this.maxNanos = maxNanos;
        this.pipeline = pipeline;
        this.options = options;
        this.direct = direct;
        this.thread = pipeline == null ? null : new Thread(this::run, THREAD_NAME);
    }

    /**
     * Starts warming {@code pipeline} up with images decoded with {@code options}, its tensors written
     * into a direct buffer when {@code direct} (the loader's pinned memory) and a heap buffer otherwise.
     * On a machine with one processor there is no idle core to use, and nothing is started.
     */
    static WarmUp start(Transform<Image, Object> pipeline, DecodeOptions options, boolean direct) {
        return start(pipeline, options, direct, MAX_NANOS);
    }

    /** As {@link #start(Transform, DecodeOptions, boolean)}, bounded by {@code maxNanos} instead of {@link #MAX_NANOS}. */
    static WarmUp start(Transform<Image, Object> pipeline, DecodeOptions options, boolean direct, long maxNanos) {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return NONE;
        }
        WarmUp warmUp = new WarmUp(pipeline, options, direct, maxNanos);
        warmUp.thread.setDaemon(true);
        warmUp.started = System.nanoTime();
        warmUp.thread.start();
        return warmUp;
    }

    /** A warm-up that does nothing, for {@code loader.warm_up: false}. */
    static WarmUp none() {
        return NONE;
    }

    /** Decodes the photograph with {@code configured} from now on, instead of only walking it. */
    void decodeWith(ImageDecoder configured) {
        this.decoder = configured;
    }

    /**
     * Waits until {@link #MIN_DECODED} images have gone through the configured decoder, at most until
     * {@link #MAX_NANOS} after the start: for a caller about to hand out its loader, and only then (a
     * failing construction closes the warm-up at once). An interrupt ends the wait and is kept.
     */
    void awaitMinimum() {
        if (thread == null) {
            return;
        }
        try {
            enough.await(started + maxNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the warm-up after the step in hand and waits for its thread to end. An interrupt while
     * waiting is kept for the caller, after the thread has ended.
     */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        stopped = true;
        long stopping = System.nanoTime();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        LOG.debug("warm-up: {} images, {} through the decoder; closing it waited {} ms for the step in hand", images, decoded,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping));
    }

    /** How many images the warm-up ran through to the end, before it was closed; meaningful after {@link #close}. */
    int images() {
        return images;
    }

    /** How many of {@link #images()} went through the configured decoder; meaningful after {@link #close}. */
    int decodedImages() {
        return decoded;
    }

    private void run() {
        long start = started;
        try {
            ByteBuffer jpeg = photograph();
            Image made = made(options.mode().channels());
            SampleRecipe<Object> walking = made == null ? null : new SampleRecipe<>(Walked.INSTANCE, options, pipeline);
            SampleRecipe<Object> decoding = null;
            DecodeBuffers buffers = new DecodeBuffers();
            ByteBuffer slot = null;
            while (!stopped && images < MAX_IMAGES && System.nanoTime() - start < maxNanos) {
                ImageDecoder configured = decoder;
                if (decoding == null && configured != null) {
                    decoding = new SampleRecipe<>(configured, options, pipeline);
                }
                // The stop flag is checked between the steps too: the first images run interpreted, a
                // step of one can take a tenth of a second, and close() waits for the step in hand.
                Image image;
                SampleRecipe<Object> recipe;
                if (decoding != null) {
                    recipe = decoding;
                    image = decoding.decode(jpeg.duplicate(), buffers, FAILURE);
                } else {
                    ImageHeader.read(jpeg.duplicate(), options);
                    recipe = walking;
                    image = made;
                }
                if (recipe != null && !stopped) {
                    slot = finish(recipe, image, slot);
                }
                if (stopped) {
                    break;
                }
                images++;
                if (decoding != null && recipe == decoding && ++decoded >= MIN_DECODED) {
                    enough.countDown();
                }
            }
        } catch (DecodeException | RuntimeException e) {
            LOG.info("warm-up ended after {} images, {} ms: {}", images,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), e.getMessage());
        } finally {
            enough.countDown();
        }
    }

    /**
     * Runs {@code image} through the recipe's transforms as a loader's worker does: into a slot of
     * {@code slot} (made or grown here) when they write into slots, else to a tensor of their own.
     *
     * @return the slot buffer, for the next image
     */
    private ByteBuffer finish(SampleRecipe<Object> recipe, Image image, ByteBuffer slot) {
        SplittableRandom random = SampleRandom.outsideALoader(images);
        if (!recipe.writesIntoSlots()) {
            recipe.transform(image, random, FAILURE);
            return slot;
        }
        SlotTransform.Pending pending = recipe.prepare(image, random, FAILURE);
        if (stopped) {
            return slot;
        }
        int bytes = Math.toIntExact(pending.byteSize());
        ByteBuffer into = slot;
        if (into == null || into.capacity() < bytes) {
            into = (direct ? ByteBuffer.allocateDirect(bytes) : ByteBuffer.allocate(bytes)).order(ByteOrder.LITTLE_ENDIAN);
        }
        pending.writeTo(into, 0);
        return into;
    }

    /** The photograph's bytes. */
    private static ByteBuffer photograph() {
        try (InputStream in = WarmUp.class.getResourceAsStream(PHOTOGRAPH)) {
            if (in == null) {
                throw new IllegalStateException(PHOTOGRAPH + " is missing from sluice-core's jar");
            }
            return ByteBuffer.wrap(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PHOTOGRAPH + " from sluice-core's jar", e);
        }
    }

    /**
     * Pixels of the photograph's size for the transforms before the decoder exists: gradients and
     * grain, so that the kernels' branches see values across the range, as on photographs; null when
     * the decode mode does not fix the channels.
     */
    private static Image made(OptionalInt channels) {
        if (channels.isEmpty()) {
            return null;
        }
        int width = 500;
        int height = 375;
        int count = channels.getAsInt();
        byte[] hwc = new byte[width * height * count];
        SplittableRandom grain = new SplittableRandom(14);
        int i = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < count; c++) {
                    hwc[i++] = (byte) Math.max(0, Math.min(255, (x * (c + 1) + y * 2) % 256 + grain.nextInt(-6, 7)));
                }
            }
        }
        return Image.wrap(width, height, count, hwc);
    }

    /** The recipe's decoder before the configured one exists; never called, since the warm-up decodes nothing then. */
    private enum Walked implements ImageDecoder {
        INSTANCE;

        @Override
        public Image decode(ByteBuffer encoded, DecodeOptions decodeOptions) throws DecodeException {
            throw new DecodeException("<warm-up>", "no decoder yet");
        }
    }
}
