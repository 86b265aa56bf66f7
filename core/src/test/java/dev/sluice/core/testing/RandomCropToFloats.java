package dev.sluice.core.testing;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.SlotTransform;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * A random 2x3 crop to float32 CHW, each value also carrying the crop's offset so that the draw
 * shows. Counts its prepares, and remembers the largest buffer it was written into: larger than one
 * sample's bytes only when it writes into a batch's slot.
 */
public final class RandomCropToFloats implements SlotTransform<Image> {
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
