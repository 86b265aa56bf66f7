package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DType;
import dev.sluice.api.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BatchPicturesTest {

    @Test
    void byteImagesAndUnitRangeTensorsPassUnchanged() {
        Tensor bytes = Tensor.ofBytes(new int[] {1, 1, 2, 3}, (byte) 1, (byte) 2, (byte) 3, (byte) 4, (byte) 5, (byte) 6);
        assertSame(bytes, BatchPictures.drawable(bytes));
        Tensor unit = Tensor.ofFloats(new int[] {1, 1, 1, 2}, 0f, 1f);
        assertSame(unit, BatchPictures.drawable(unit));
    }

    @Test
    void normalisedTensorsAreStretchedPerPictureIntoHeightWidthChannelBytes() {
        // Two 1 x 2 pictures of 3 channels, CHW; the second spans [-2, 2].
        Tensor batch = Tensor.ofFloats(new int[] {2, 3, 1, 2},
                0f, 1f, 0.5f, 0.5f, 0f, 0f,
                -2f, 2f, 0f, 0f, -2f, -2f);
        Tensor drawable = BatchPictures.drawable(batch);
        assertEquals(DType.UINT8, drawable.dtype());
        assertArrayEquals(new int[] {2, 1, 2, 3}, drawable.shape());
        byte[] samples = drawable.toByteArray();
        // Picture 0 spans [0, 1]: 0 -> 0, 0.5 -> 128, 1 -> 255; pixel 0 is (0, 0.5, 0), pixel 1 (1, 0.5, 0).
        assertArrayEquals(new byte[] {0, (byte) 128, 0, (byte) 255, (byte) 128, 0}, Arrays.copyOf(samples, 6));
        assertArrayEquals(new byte[] {0, (byte) 128, 0, (byte) 255, (byte) 128, 0},
                Arrays.copyOfRange(samples, 6, 12));
    }

    @Test
    void aGreyBatchWithoutAChannelAxisGetsOne() {
        Tensor grey = Tensor.ofFloats(new int[] {1, 1, 2}, 0.25f, 0.75f);
        assertArrayEquals(new int[] {1, 1, 1, 2}, BatchPictures.drawable(grey).shape());
    }

    @Test
    void aBatchThatHoldsNoPicturesIsRefusedWithItsShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BatchPictures.drawable(Tensor.ofLongs(new int[] {2, 2}, 1, 2, 3, 4)));
        assertEquals("cannot draw a batch of int64 [2, 2]; pictures are uint8 N x H x W x C or float N x C x H x W "
                + "with C of 1, 3 or 4", e.getMessage());
    }
}
