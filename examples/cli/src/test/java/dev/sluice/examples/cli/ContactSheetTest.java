package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Image;
import dev.sluice.api.Tensor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactSheetTest {

    private static Image filled(int width, int height, int channels, int value) {
        byte[] pixels = new byte[width * height * channels];
        Arrays.fill(pixels, (byte) value);
        return Image.wrap(width, height, channels, pixels);
    }

    @Test
    void sevenPicturesMakeThreeColumnsOfCellsWithCaptionsBelow() {
        List<Image> pictures = List.of(filled(20, 10, 3, 200), filled(20, 10, 3, 200), filled(20, 10, 3, 200),
                filled(20, 10, 3, 200), filled(20, 10, 3, 200), filled(20, 10, 3, 200), filled(20, 10, 1, 100));
        Image sheet = ContactSheet.draw(pictures, List.of("#0", "#1", "#2", "#3", "#4", "#5", "#6 [1,2]"));
        // 3 columns of 20 + gaps of 4; 3 rows of 10 + a caption strip of 14 + gaps of 4.
        assertEquals(4 + 3 * 24, sheet.width());
        assertEquals(4 + 3 * 28, sheet.height());
        assertEquals(200, sheet.get(4, 4, 0), "the first picture's corner");
        assertEquals(40, sheet.get(2, 2, 0), "the background");
        // The grey picture sits in the first cell of the third row, shown grey in all three channels.
        assertEquals(100, sheet.get(4, 4 + 2 * 28, 2));
        // The '#' of the first caption: its top-left pixel, drawn at twice the size, is lit.
        assertEquals(255, sheet.get(4, 4 + 10 + 2, 0));
    }

    @Test
    void picturesAndCaptionsMustPair() {
        assertThrows(IllegalArgumentException.class, () -> ContactSheet.draw(List.of(filled(2, 2, 3, 0)), List.of()));
    }

    @Test
    void tensorsInTheUnitRangeAreScaledAndOthersStretched() {
        // Two 1 x 2 x 1 pictures of 3 channels, CHW: the first in [0, 1], the second normalised.
        Tensor batch = Tensor.ofFloats(new int[] {2, 3, 1, 2},
                0f, 1f, 0.5f, 0.5f, 0f, 0f,
                -2f, 2f, 0f, 0f, -2f, -2f);
        List<Image> pictures = BatchPictures.of(batch);
        assertEquals(List.of(0, 128, 0, 255, 128, 0), samples(pictures.get(0)));
        assertEquals(List.of(0, 128, 0, 255, 128, 0), samples(pictures.get(1)));
    }

    @Test
    void byteBatchesAreHeightWidthChannelsAlready() {
        Tensor batch = Tensor.ofBytes(new int[] {1, 1, 2, 3}, (byte) 1, (byte) 2, (byte) 3, (byte) 4, (byte) 5, (byte) 6);
        assertEquals(List.of(1, 2, 3, 4, 5, 6), samples(BatchPictures.of(batch).get(0)));
    }

    @Test
    void aBatchThatHoldsNoPicturesIsRefusedWithItsShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BatchPictures.of(Tensor.ofLongs(new int[] {2, 2}, 1, 2, 3, 4)));
        assertEquals("cannot draw a batch of int64 [2, 2]; pictures are uint8 N x H x W x C or float N x C x H x W "
                + "with C of 1, 3 or 4", e.getMessage());
    }

    private static List<Integer> samples(Image image) {
        byte[] bytes = image.toArray();
        Integer[] values = new Integer[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i] & 0xFF;
        }
        return List.of(values);
    }
}
