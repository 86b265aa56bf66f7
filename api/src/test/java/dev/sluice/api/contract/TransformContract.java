package dev.sluice.api.contract;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.SlotTransform;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformLookup;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.api.target.BoundingBoxes;
import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.KeyPoints;
import dev.sluice.api.target.SegmentationMask;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.api.target.UnsupportedTargetsException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Transform} made by a {@link TransformProvider} must have, so that an
 * augmentation is a pure function of its input and the random source the loader hands it: the same
 * on any thread, with any number of workers, in any epoch that replays the same seed.
 *
 * <p>A plugin's test names the provider, the options that configure it, a few inputs, and whether
 * the transform draws from the random source:
 *
 * <pre>{@code
 * class RandomHorizontalFlipTest extends TransformContract<Image, Image> {
 *     protected String providerId() { return "random-horizontal-flip"; }
 *     protected Options providerOptions() {
 *         return Options.of("transforms[0].random-horizontal-flip", Map.of("p", 0.5));
 *     }
 *     protected List<Image> sampleInputs() { return List.of(TestImages.photo(101, 67, 3), TestImages.photo(8, 5, 1)); }
 *     protected boolean isDeterministic() { return false; }
 * }
 * }</pre>
 *
 * <p>{@link ConfiguredTransformContract} takes the same four answers as constructor arguments.
 *
 * <p>Outputs are compared with {@link #sameOutput}, which by default uses {@code equals} (by
 * content for {@link Image} and {@link Tensor}) and compares arrays element by element. The random
 * sources are {@link SplittableRandom}s with fixed seeds, as the loader's are.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public abstract class TransformContract<I, O> extends ProviderContract<TransformProvider> {
    private static final long[] SEEDS = {1, 7, 42, 20240611, -3};
    // Enough draws that a transform which really is random gives two different outputs.
    private static final int SEEDS_FOR_RANDOMNESS = 32;

    private Transform<I, O> transform;

    @Override
    protected final Class<TransformProvider> providerKind() {
        return TransformProvider.class;
    }

    @Override
    protected final Object createWith(TransformProvider provider, Options options) {
        return provider.create(options, lookup());
    }

    /**
     * The lookup handed to {@link TransformProvider#create(Options, TransformLookup)}, as core hands
     * its own: a container's test returns one that builds nested steps. The default refuses, naming
     * the list it was asked for.
     */
    protected TransformLookup lookup() {
        return (options, key) -> {
            throw new OptionsException(options.keyPath(key), "this test hands the transform no TransformLookup");
        };
    }

    /**
     * Inputs the transform accepts, at least one; different sizes and channel counts where the
     * transform handles them. Called for each test; new objects each time are fine.
     */
    protected abstract List<I> sampleInputs();

    /**
     * Whether the transform ignores its random source ({@code resize}, {@code normalize}) rather than
     * drawing from it ({@code random-crop}). A deterministic transform must give the same output for
     * any random source; a random one must give different outputs for some seeds.
     */
    protected abstract boolean isDeterministic();

    /**
     * Makes the transform under test; called once per test method. The default is
     * {@code provider.create(providerOptions(), lookup())}, cast to this contract's input and output types.
     */
    @SuppressWarnings("unchecked")
    protected Transform<I, O> createTransform(TransformProvider provider) {
        return (Transform<I, O>) provider.create(providerOptions(), lookup());
    }

    /**
     * A deep copy of {@code input}, compared with the input after the transform ran to check that it
     * was not modified. The default copies {@link Image}s, {@link Tensor}s and primitive arrays;
     * other input types override it.
     *
     * @throws UnsupportedOperationException for another input type
     */
    @SuppressWarnings("unchecked")
    protected I snapshot(I input) {
        Object copy;
        if (input instanceof Image image) {
            copy = Image.copyOf(image.width(), image.height(), image.channels(), image.toArray());
        } else if (input instanceof Tensor tensor) {
            copy = Tensor.wrap(tensor.dtype(), tensor.shape(), ByteBuffer.wrap(tensor.toByteArray()));
        } else if (input instanceof byte[] bytes) {
            copy = bytes.clone();
        } else if (input instanceof float[] floats) {
            copy = floats.clone();
        } else if (input instanceof int[] ints) {
            copy = ints.clone();
        } else if (input instanceof long[] longs) {
            copy = longs.clone();
        } else if (input instanceof double[] doubles) {
            copy = doubles.clone();
        } else {
            throw new UnsupportedOperationException("override snapshot(I) to copy a " + input.getClass().getName());
        }
        return (I) copy;
    }

    /** Whether two outputs are the same; the default is {@link Objects#deepEquals}. */
    protected boolean sameOutput(O first, O second) {
        return Objects.deepEquals(first, second);
    }

    /** The transform under test, made by {@link #createTransform} on first use in each test. */
    protected final Transform<I, O> transform() {
        if (transform == null) {
            transform = createTransform(provider());
            assertNotNull(transform, "createTransform returned null");
        }
        return transform;
    }

    private List<I> inputs() {
        List<I> inputs = sampleInputs();
        assertFalse(inputs.isEmpty(), "sampleInputs() must give at least one input");
        return inputs;
    }

    private O apply(I input, long seed) {
        return apply(transform(), input, seed);
    }

    private static <I, O> O apply(Transform<I, O> transform, I input, long seed) {
        O output = transform.apply(input, new SplittableRandom(seed));
        assertNotNull(output, () -> "apply(" + input + ", seed " + seed + ") returned null");
        return output;
    }

    /** The transform returns an output for every sample input and seed, never null. */
    @Test
    public final void neverReturnsNull() {
        for (I input : inputs()) {
            for (long seed : SEEDS) {
                apply(input, seed);
            }
        }
    }

    /** The transform leaves its input as it was, whatever it returns. */
    @Test
    public final void doesNotModifyItsInput() {
        for (I input : inputs()) {
            I before = snapshot(input);
            for (long seed : SEEDS) {
                apply(input, seed);
                assertTrue(Objects.deepEquals(before, input),
                        () -> "apply(" + input + ", seed " + seed + ") changed its input");
            }
        }
    }

    /** Two random sources with the same seed give the same output: all randomness comes from the argument. */
    @Test
    public final void sameSeedGivesTheSameOutput() {
        for (I input : inputs()) {
            for (long seed : SEEDS) {
                O first = apply(input, seed);
                O second = apply(input, seed);
                assertTrue(sameOutput(first, second), () -> "two runs on " + input + " with seed " + seed
                        + " gave " + first + " and " + second + "; draw only from the random argument");
            }
        }
    }

    /**
     * {@link Transform#applyWithTargets} on an input without targets gives what {@link Transform#apply}
     * gives for the same seed, and no targets.
     */
    @Test
    public final void withoutTargetsApplyWithTargetsIsApply() {
        for (I input : inputs()) {
            for (long seed : SEEDS) {
                Targeted<O> out = transform().applyWithTargets(Targeted.of(input), new SplittableRandom(seed));
                O expected = apply(input, seed);
                assertTrue(sameOutput(expected, out.value()), () -> "applyWithTargets(" + input + ", seed " + seed
                        + ") gave " + out.value() + " but apply gave " + expected);
                assertTrue(out.targets().isEmpty(), () -> "targets appeared from none: " + out.targets());
            }
        }
    }

    /**
     * A transform that says it carries targets, given an image with a box over all of it, a class mask
     * and a key point, gives what {@link Transform#apply} gives for the same seed (its draws are the
     * same) and targets on the canvas of its output (an image's size, a tensor's last two dimensions).
     * A documented refusal ({@link UnsupportedTargetsException}) is allowed; any other failure is not.
     */
    @Test
    public final void carriedTargetsFollowTheOutput() {
        if (!transform().carriesTargets()) {
            return;
        }
        for (I input : inputs()) {
            if (!(input instanceof Image image)) {
                continue;
            }
            CanvasSize canvas = new CanvasSize(image.height(), image.width());
            byte[] ones = new byte[(int) canvas.pixels()];
            Arrays.fill(ones, (byte) 1);
            Targets targets = Targets.NONE
                    .withBoxes(BoundingBoxes.of(BoxFormat.XYXY, canvas, new float[] {0, 0, image.width(), image.height()},
                            new long[] {1}))
                    .withMask(SegmentationMask.classIndex(canvas, ones))
                    .withKeyPoints(KeyPoints.of(canvas, new float[] {image.width() / 2f, image.height() / 2f}));
            for (long seed : SEEDS) {
                Targeted<O> out;
                try {
                    out = transform().applyWithTargets(Targeted.of(input, targets), new SplittableRandom(seed));
                } catch (UnsupportedTargetsException refused) {
                    continue;
                }
                O expected = apply(input, seed);
                Targeted<O> result = out;
                assertTrue(sameOutput(expected, out.value()), () -> "with targets, seed " + seed + " gave "
                        + result.value() + " but apply gave " + expected + "; draw the same with and without targets");
                CanvasSize moved = out.targets().canvas().orElseThrow(() -> new AssertionError("the targets were lost"));
                CanvasSize outputCanvas = out.value() instanceof Image o ? new CanvasSize(o.height(), o.width())
                        : out.value() instanceof Tensor t && t.shape().length >= 2
                        ? new CanvasSize(t.shape()[t.shape().length - 2], t.shape()[t.shape().length - 1]) : moved;
                assertEquals(outputCanvas, moved, () -> "the targets are not on the output's canvas, seed " + seed);
                assertEquals(1, out.targets().boxes().orElseThrow().count(), "no box is dropped without sanitize_boxes");
            }
        }
    }

    /** A transform declared deterministic gives the same output whatever the seed. */
    @Test
    public final void deterministicTransformIgnoresTheRandom() {
        Assumptions.assumeTrue(isDeterministic(), "the transform is declared random");
        for (I input : inputs()) {
            O expected = apply(input, SEEDS[0]);
            for (long seed : SEEDS) {
                O output = apply(input, seed);
                assertTrue(sameOutput(expected, output), () -> "isDeterministic() says true, but on " + input
                        + " seed " + SEEDS[0] + " gave " + expected + " and seed " + seed + " gave " + output);
            }
        }
    }

    /** A transform declared random gives different outputs for some of 32 seeds on some input. */
    @Test
    public final void randomTransformDependsOnTheRandom() {
        Assumptions.assumeFalse(isDeterministic(), "the transform is declared deterministic");
        for (I input : inputs()) {
            O first = apply(input, 0);
            for (long seed = 1; seed < SEEDS_FOR_RANDOMNESS; seed++) {
                if (!sameOutput(first, apply(input, seed))) {
                    return;
                }
            }
        }
        fail("isDeterministic() says false, but seeds 0 to " + (SEEDS_FOR_RANDOMNESS - 1)
                + " gave the same output on every sample input");
    }

    /** Four threads applying the transform at once get the same outputs as one thread. */
    @Test
    public final void givesTheSameOutputsOnFourThreadsAtOnce() throws Exception {
        Transform<I, O> shared = transform();
        List<ConcurrentRuns.Task<O>> tasks = new ArrayList<>();
        for (I input : inputs()) {
            for (long seed : SEEDS) {
                tasks.add(new ConcurrentRuns.Task<>(input + " with seed " + seed, () -> apply(shared, input, seed)));
            }
        }
        ConcurrentRuns.assertSameResultsOnThreads(tasks, this::sameOutput);
    }

    /**
     * A slot-writing transform's prepared results stay valid until they are written, as
     * {@link SlotTransform.Pending} promises: a loader prepares a batch's samples before writing any.
     * Every sample input is prepared with two seeds, all on one thread, before any is written; each
     * then writes what {@code apply} gives.
     */
    @Test
    @SuppressWarnings("unchecked")
    public final void preparingMoreSamplesDoesNotChangeOnesPreparedEarlier() {
        Assumptions.assumeTrue(transform() instanceof SlotTransform<?>, "the transform does not write into slots");
        SlotTransform<I> slots = (SlotTransform<I>) transform();
        List<I> inputs = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        List<SlotTransform.Pending> prepared = new ArrayList<>();
        for (I input : inputs()) {
            for (long seed : new long[] {SEEDS[0], SEEDS[1]}) {
                inputs.add(input);
                seeds.add(seed);
                prepared.add(slots.prepare(input, new SplittableRandom(seed)));
            }
        }
        for (int i = 0; i < prepared.size(); i++) {
            SlotTransform.Pending pending = prepared.get(i);
            ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(pending.byteSize())).order(ByteOrder.LITTLE_ENDIAN);
            pending.writeTo(buffer, 0);
            O written = (O) Tensor.wrap(pending.dtype(), pending.shape(), buffer);
            O expected = apply(inputs.get(i), seeds.get(i));
            I input = inputs.get(i);
            long seed = seeds.get(i);
            assertTrue(sameOutput(expected, written), () -> "prepare(" + input + ", seed " + seed + "), written after "
                    + "the other samples were prepared, differs from apply: a Pending must not share scratch memory");
        }
    }
}
