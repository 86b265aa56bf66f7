package dev.sluice.core.testing;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.SlotTransform;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * A random 2x3 crop to float32 CHW, each value also carrying the crop's offset so that the draw
 * shows. Counts its prepares, and remembers the largest buffer it was written into: larger than one
 * sample's bytes only when it writes into a batch's slot. Made {@link #releasing()}, it says it lets
 * go of its inputs once written; made {@link #keeping()}, it keeps every input, as a user's step that
 * shows images later might, and says it does not.
 */
public final class RandomCropToFloats implements SlotTransform<Image> {
    /** Every input prepared, when made {@link #keeping()}. */
    public final List<Image> kept = Collections.synchronizedList(new ArrayList<>());
    private final boolean releases;
    private final boolean keeps;

    /** Neither releasing nor keeping: the default answer, false. */
    public RandomCropToFloats() {
        this(false, false);
    }

    private RandomCropToFloats(boolean releases, boolean keeps) {
        this.releases = releases;
        this.keeps = keeps;
    }

    /** One that says it lets go of each input once written. */
    public static RandomCropToFloats releasing() {
        return new RandomCropToFloats(true, false);
    }

    /** One that keeps every input in {@link #kept}, and says it does not let go of them. */
    public static RandomCropToFloats keeping() {
        return new RandomCropToFloats(false, true);
    }

    @Override
    public boolean releasesInput() {
        return releases;
    }

    /** How many samples were prepared (through {@code prepare} or {@code apply}). */
    public final AtomicInteger prepared = new AtomicInteger();
    /** The largest capacity of a buffer a prepared sample was written into. */
    public final AtomicInteger largestDestination = new AtomicInteger();

    @Override
    public Pending prepare(Image image, RandomGenerator random) {
        if (image.width() < 3 || image.height() < 2) {
            throw new IllegalArgumentException("needs at least 3x2, got " + image.width() + "x" + image.height());
        }
        prepared.incrementAndGet();
        if (keeps) {
            kept.add(image);
        }
        int left = random.nextInt(image.width() - 2);
        int top = random.nextInt(image.height() - 1);
        return new Pending() {
            @Override
            public DType dtype() {
                return DType.FLOAT32;
            }

            @Override
            public int[] shape() {
                return new int[] {image.channels(), 2, 3};
            }

            @Override
            public void writeTo(ByteBuffer destination, int byteOffset) {
                largestDestination.accumulateAndGet(destination.capacity(), Math::max);
                FloatBuffer out = SlotTransform.slot(destination, byteOffset, byteSize()).asFloatBuffer();
                for (int c = 0; c < image.channels(); c++) {
                    for (int y = 0; y < 2; y++) {
                        for (int x = 0; x < 3; x++) {
                            out.put(image.get(left + x, top + y, c) / 255f + left * 0.01f + top * 0.001f);
                        }
                    }
                }
            }
        };
    }
}
