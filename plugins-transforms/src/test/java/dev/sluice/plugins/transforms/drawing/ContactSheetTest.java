package dev.sluice.plugins.transforms.drawing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.api.contract.ConfiguredTransformContract;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.plugins.transforms.Samples;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code contact_sheet}: the contract, labels printed under each image, boxes, and undoing a normalize. */
class ContactSheetTest extends ConfiguredTransformContract<Object, Image> {

    ContactSheetTest() {
        super("contact_sheet", Options.of("transforms[0].contact_sheet", Map.of("nrow", 2)),
                () -> List.of(batch(), List.of(batch(), Tensor.ofLongs(new int[] {3, 2}, 1, 2, 30, 4, 5, 67))), DETERMINISTIC);
    }

    /** The grass photo three times as a collated uint8 N x H x W x C batch. */
    private static Tensor batch() {
        Image grass = Fixtures.input("grass");
        ByteBuffer bytes = ByteBuffer.allocate(3 * grass.byteSize());
        for (int i = 0; i < 3; i++) {
            bytes.put(grass.pixels());
        }
        return Tensor.wrap(DType.UINT8, new int[] {3, 27, 35, 3}, bytes.flip());
    }

    @Override
    protected Object snapshot(Object input) {
        if (input instanceof List<?> parts) {
            List<Object> copy = new java.util.ArrayList<>();
            for (Object part : parts) {
                Tensor t = (Tensor) part;
                copy.add(Tensor.wrap(t.dtype(), t.shape(), ByteBuffer.wrap(t.toByteArray())));
            }
            return copy;
        }
        return super.snapshot(input);
    }

    private static Image sheet(Object input, Map<String, ?> options) {
        Transform<Object, Image> sheet = Samples.create(new ContactSheetProvider(), options);
        return sheet.apply(input, new SplittableRandom(0));
    }

    @Test
    void labelsArePrintedInWhiteUnderEachImage() {
        Image plain = sheet(batch(), Map.of("nrow", 2));
        Image labelled = sheet(List.of(batch(), Tensor.ofLongs(new int[] {3, 2}, 1, 2, 30, 4, 5, 67)), Map.of("nrow", 2));
        // Two rows of cells; the labelled ones are one text line (8 px + 1) taller.
        assertEquals("Image[76x60x3]", plain.toString());
        assertEquals("Image[76x78x3]", labelled.toString());
        int white = 0;
        for (int y = 2 + 27; y < 2 + 27 + 9; y++) {
            for (int x = 2; x < 2 + 35; x++) {
                white += labelled.get(x, y, 0) == 255 && labelled.get(x, y, 1) == 255 && labelled.get(x, y, 2) == 255 ? 1 : 0;
            }
        }
        // "1 2" in the 5x7 font: the glyphs of 1 and 2 have 10 and 14 pixels.
        assertEquals(24, white, "ink of \"1 2\" under the first image");
    }

    @Test
    void boxesAreOutlinedInRed() {
        Tensor boxes = Tensor.ofLongs(new int[] {3, 4}, 5, 5, 10, 10, 0, 0, 1, 1, 3, 3, 4, 4);
        Image out = sheet(List.of(batch(), Tensor.ofLongs(new int[] {3, 1}, 0, 1, 2), boxes), Map.of("nrow", 3));
        assertEquals(List.of(255, 0, 0), List.of(out.get(2 + 5, 2 + 5, 0), out.get(2 + 5, 2 + 5, 1), out.get(2 + 5, 2 + 5, 2)));
    }

    @Test
    void normalisedFloatImagesAreUndoneWithMeanAndStd() {
        Tensor normalised = Tensor.ofFloats(new int[] {1, 1, 1, 2}, -1f, 1f);
        Image out = sheet(normalised, Map.of("mean", 0.5, "std", 0.5, "padding", 0));
        assertEquals(0, out.get(0, 0, 0));
        assertEquals(255, out.get(1, 0, 2));
    }

    @Test
    void mismatchedInputsAndOptionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> sheet(List.of(batch(), Tensor.ofLongs(new int[] {2, 1}, 1, 2)), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> sheet("batch", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> sheet(Tensor.ofFloats(new int[] {2, 2}, 1, 2, 3, 4), Map.of()));
        assertEquals("transforms[0].contact_sheet.std", assertThrows(OptionsException.class,
                () -> Samples.create(new ContactSheetProvider(), Map.of("mean", 0.5))).keyPath());
        assertEquals("transforms[0].contact_sheet.nrow", assertThrows(OptionsException.class,
                () -> Samples.create(new ContactSheetProvider(), Map.of("nrow", 0))).keyPath());
        assertTrue(assertThrows(OptionsException.class, () -> Samples.create(new ContactSheetProvider(), Map.of("pad_value", 2)))
                .getMessage().startsWith("transforms[0].contact_sheet.pad_value"));
    }
}
