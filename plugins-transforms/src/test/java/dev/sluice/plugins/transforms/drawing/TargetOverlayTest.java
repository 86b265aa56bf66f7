package dev.sluice.plugins.transforms.drawing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.api.target.BatchBoxes;
import dev.sluice.api.target.BatchTargets;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.plugins.transforms.Samples;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code contact_sheet} with a batch's collated targets: boxes with their names, masks blended over. */
class TargetOverlayTest {
    private static final int HEIGHT = 20;
    private static final int WIDTH = 30;
    private static final int GREY = 100;
    private static final CanvasSize CANVAS = new CanvasSize(HEIGHT, WIDTH);

    /** Two grey uint8 pictures, collated. */
    private static Tensor grey() {
        byte[] levels = new byte[2 * HEIGHT * WIDTH * 3];
        Arrays.fill(levels, (byte) GREY);
        return Tensor.wrap(DType.UINT8, new int[] {2, HEIGHT, WIDTH, 3}, ByteBuffer.wrap(levels));
    }

    private static Image sheet(BatchTargets targets, Map<String, ?> options) {
        Transform<Object, Image> sheet = Samples.create(new ContactSheetProvider(), options);
        return sheet.apply(List.of(grey(), Tensor.ofLongs(new int[] {2}, 0, 1), targets), new SplittableRandom(0));
    }

    /** The sheet pixel at {@code (x, y)} of picture {@code n} (two per row, padding 2). */
    private static List<Integer> pixel(Image sheet, int n, int x, int y) {
        int left = 2 + n * (WIDTH + 2);
        return List.of(sheet.get(left + x, 2 + y, 0), sheet.get(left + x, 2 + y, 1), sheet.get(left + x, 2 + y, 2));
    }

    private static List<Integer> rgb(int[] levels) {
        return List.of(levels[0], levels[1], levels[2]);
    }

    private static BatchBoxes boxes(Optional<Tensor> instanceMasks) {
        return new BatchBoxes(Tensor.ofFloats(new int[] {2, 4}, 2.7f, 3, 20, 15, 1, 1, 6, 6),
                Tensor.ofLongs(new int[] {2}, 0, 1), Tensor.ofLongs(new int[] {2}, 1, 0), instanceMasks);
    }

    @Test
    void eachBoxIsOutlinedInItsLabelsColourOnItsOwnPictureWithItsName() {
        BatchTargets targets = new BatchTargets(2, CANVAS, Optional.of(boxes(Optional.empty())), Optional.empty(),
                Optional.empty());
        Image out = sheet(targets, Map.of("nrow", 2, "class_names", List.of("person", "dog")));
        List<Integer> dog = rgb(TargetOverlay.colour(1));
        assertEquals(dog, pixel(out, 0, 20, 10), "right side of box 0, x2 = 20");
        assertEquals(dog, pixel(out, 0, 2, 10), "left side, x1 = 2.7 cast to 2 as torchvision casts it");
        assertEquals(dog, pixel(out, 0, 10, 15), "bottom side, y2 = 15");
        assertEquals(List.of(GREY, GREY, GREY), pixel(out, 0, 10, 12), "inside the box nothing is drawn");
        assertEquals(List.of(GREY, GREY, GREY), pixel(out, 0, 21, 10), "outside neither");
        assertEquals(rgb(TargetOverlay.colour(0)), pixel(out, 1, 6, 6), "box 1 is on picture 1, label 0");
        assertEquals(List.of(GREY, GREY, GREY), pixel(out, 1, 20, 10), "box 0 is not on picture 1");
        // "DOG" on a black strip from (3, 4): ink of the label's colour, in the strip's rows.
        int ink = 0;
        int black = 0;
        for (int y = 4; y < 4 + 8; y++) {
            for (int x = 3; x < 3 + 18; x++) {
                ink += pixel(out, 0, x, y).equals(dog) ? 1 : 0;
                black += pixel(out, 0, x, y).equals(List.of(0, 0, 0)) ? 1 : 0;
            }
        }
        assertTrue(ink > 20 && black > 40, "the name drawn: " + ink + " ink pixels, " + black + " dark ones");
    }

    @Test
    void classMasksAreBlendedHalfwayToTheirClassColourAndBackgroundIsLeftClear() {
        byte[] classes = new byte[2 * HEIGHT * WIDTH];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH / 2; x++) {
                classes[y * WIDTH + x] = 2;
            }
        }
        Tensor masks = Tensor.ofBytes(new int[] {2, HEIGHT, WIDTH}, classes);
        Image out = sheet(new BatchTargets(2, CANVAS, Optional.empty(), Optional.of(masks), Optional.empty()),
                Map.of("nrow", 2));
        int[] colour = TargetOverlay.colour(2);
        List<Integer> half = List.of((GREY + colour[0] + 1) / 2, (GREY + colour[1] + 1) / 2, (GREY + colour[2] + 1) / 2);
        assertEquals(half, pixel(out, 0, 3, 17));
        assertEquals(List.of(GREY, GREY, GREY), pixel(out, 0, 20, 17), "class 0");
        assertEquals(List.of(GREY, GREY, GREY), pixel(out, 1, 3, 17), "picture 1's mask is all background");
    }

    @Test
    void instanceMasksTakeTheirBoxsColour() {
        byte[] layers = new byte[2 * HEIGHT * WIDTH];
        layers[HEIGHT * WIDTH + 10 * WIDTH + 12] = 1;
        Tensor masks = Tensor.ofBytes(new int[] {2, HEIGHT, WIDTH}, layers);
        Image out = sheet(new BatchTargets(2, CANVAS, Optional.of(boxes(Optional.of(masks))), Optional.empty(),
                Optional.empty()), Map.of("nrow", 2));
        int[] colour = TargetOverlay.colour(0);
        assertEquals(List.of((GREY + colour[0] + 1) / 2, (GREY + colour[1] + 1) / 2, (GREY + colour[2] + 1) / 2),
                pixel(out, 1, 12, 10), "layer 1 belongs to box 1, label 0, on picture 1");
        assertEquals(List.of(GREY, GREY, GREY), pixel(out, 0, 12, 10), "inside box 0 but not its mask");
    }

    @Test
    void targetsOfAnotherCanvasOrClassNamesThatAreNotTextsAreRefused() {
        BatchTargets other = new BatchTargets(2, new CanvasSize(WIDTH, HEIGHT), Optional.empty(),
                Optional.of(Tensor.ofBytes(new int[] {2, WIDTH, HEIGHT}, new byte[2 * WIDTH * HEIGHT])), Optional.empty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sheet(other, Map.of()));
        assertEquals("contact_sheet has 2 images of 20x30 (HxW) but targets of 2 samples on a 30x20 canvas",
                e.getMessage());
        OptionsException names = assertThrows(OptionsException.class,
                () -> sheet(other, Map.of("class_names", List.of("cat", 3))));
        assertTrue(names.getMessage().contains("class_names"), names.getMessage());
    }
}
