package dev.sluice.core.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.InstanceShape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Polygons and run lengths rasterised as pycocotools 2.0.11 does ({@code make_mask_fixtures.py}). */
class InstanceMasksTest {

    static List<String[]> fixtures(String kind) throws IOException {
        try (InputStream in = InstanceMasksTest.class.getResourceAsStream("/dev/sluice/core/target/mask-fixtures.txt")) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith(kind + " ")) {
                    rows.add(line.split(" "));
                }
            }
            return rows;
        }
    }

    /** The numbers after "=", the expected column-major run lengths. */
    static int[] expectedRuns(String[] row) {
        int at = Arrays.asList(row).indexOf("=");
        return Arrays.stream(row, at + 1, row.length).mapToInt(Integer::parseInt).toArray();
    }

    /** Column-major run lengths of a row-major layer, starting with 0s, as the fixtures write them. */
    static int[] runs(byte[] layer, CanvasSize canvas) {
        List<Integer> runs = new ArrayList<>();
        int value = 0;
        int length = 0;
        for (int x = 0; x < canvas.width(); x++) {
            for (int y = 0; y < canvas.height(); y++) {
                int pixel = layer[y * canvas.width() + x];
                if (pixel == value) {
                    length++;
                } else {
                    runs.add(length);
                    value = pixel;
                    length = 1;
                }
            }
        }
        runs.add(length);
        return runs.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void polygonsRasteriseAsPycocotoolsDoes() throws IOException {
        List<String[]> rows = fixtures("poly");
        assertTrue(rows.size() >= 100);
        for (String[] row : rows) {
            CanvasSize canvas = new CanvasSize(Integer.parseInt(row[1]), Integer.parseInt(row[2]));
            List<double[]> rings = new ArrayList<>();
            int at = 4;
            for (int r = Integer.parseInt(row[3]); r > 0; r--) {
                double[] ring = new double[Integer.parseInt(row[at++])];
                for (int i = 0; i < ring.length; i++) {
                    ring[i] = Double.parseDouble(row[at++]);
                }
                rings.add(ring);
            }
            byte[] layer = new byte[(int) canvas.pixels()];
            InstanceMasks.draw(InstanceShape.Polygons.of(rings), canvas, layer, 0);
            assertArrayEquals(expectedRuns(row), runs(layer, canvas), String.join(" ", row));
        }
    }

    @Test
    void runLengthsExpandDownEachColumn() throws IOException {
        for (String[] row : fixtures("rle")) {
            CanvasSize canvas = new CanvasSize(Integer.parseInt(row[1]), Integer.parseInt(row[2]));
            byte[] layer = new byte[(int) canvas.pixels() + 3];
            InstanceMasks.draw(InstanceShape.RunLengths.of(canvas, expectedRuns(row)), canvas, layer, 3);
            assertArrayEquals(expectedRuns(row), runs(Arrays.copyOfRange(layer, 3, layer.length), canvas));
        }
        byte[] layer = new byte[6];
        InstanceMasks.draw(InstanceShape.RunLengths.of(new CanvasSize(2, 3), new int[] {1, 2, 3}), new CanvasSize(2, 3),
                layer, 0);
        assertArrayEquals(new byte[] {0, 1, 0, 1, 0, 0}, layer, "row-major: (y0,x0)=0, (y1,x0)=1, (y0,x1)=1");
    }

    @Test
    void runLengthsOfAnotherSizeAreRefused() {
        CanvasSize image = new CanvasSize(3, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InstanceMasks.draw(
                InstanceShape.RunLengths.of(new CanvasSize(2, 3), new int[] {6}), image, new byte[9], 0));
        assertEquals("the run lengths are for a 2x3 mask but the image is 3x3", e.getMessage());
    }
}
