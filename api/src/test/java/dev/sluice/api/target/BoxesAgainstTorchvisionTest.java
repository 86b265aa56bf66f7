package dev.sluice.api.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Box conversion, clamping and sanitizing against torchvision 0.28's transforms.v2 on the same
 * float32 boxes, bit for bit ({@code make_box_fixtures.py} beside {@code box-fixtures.txt}).
 */
class BoxesAgainstTorchvisionTest {

    private static List<String[]> fixtures(String kind) throws IOException {
        try (InputStream in = BoxesAgainstTorchvisionTest.class.getResourceAsStream("box-fixtures.txt")) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] fields = line.split(" ");
                if (fields[0].equals(kind)) {
                    rows.add(fields);
                }
            }
            assertTrue(rows.size() >= 24, "fixtures of kind " + kind);
            return rows;
        }
    }

    private static float[] floats(String[] fields, int from, int count) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = Float.intBitsToFloat(Integer.parseUnsignedInt(fields[from + i], 16));
        }
        return out;
    }

    @Test
    void conversionsEqualTorchvisionBitForBit() throws IOException {
        for (String[] row : fixtures("convert")) {
            BoxFormat from = BoxFormat.valueOf(row[1]);
            BoxFormat to = BoxFormat.valueOf(row[2]);
            BoundingBoxes boxes = BoundingBoxes.of(from, new CanvasSize(480, 640), floats(row, 3, 4), new long[] {7});
            BoundingBoxes converted = boxes.to(to);
            assertArrayEquals(floats(row, 7, 4), converted.coordinates(), String.join(" ", row));
            assertEquals(to, converted.format());
            assertEquals(7, converted.label(0));
        }
    }

    @Test
    void clampingEqualsTorchvisionBitForBit() throws IOException {
        for (String[] row : fixtures("clamp")) {
            CanvasSize canvas = new CanvasSize(Integer.parseInt(row[2]), Integer.parseInt(row[3]));
            BoundingBoxes boxes = BoundingBoxes.of(BoxFormat.valueOf(row[1]), canvas, floats(row, 4, 4), new long[] {0});
            assertArrayEquals(floats(row, 8, 4), boxes.clamped().coordinates(), String.join(" ", row));
        }
    }

    @Test
    void sanitizeKeepsExactlyTheBoxesTorchvisionKeeps() throws IOException {
        int kept = 0;
        List<String[]> rows = fixtures("sanitize");
        for (String[] row : rows) {
            CanvasSize canvas = new CanvasSize(Integer.parseInt(row[2]), Integer.parseInt(row[3]));
            SanitizeBoundingBoxes rule = new SanitizeBoundingBoxes(Double.parseDouble(row[4]), Double.parseDouble(row[5]));
            BoundingBoxes boxes = BoundingBoxes.of(BoxFormat.valueOf(row[1]), canvas, floats(row, 6, 4), new long[] {0});
            boolean expected = row[10].equals("1");
            assertEquals(expected, rule.validity(boxes)[0], String.join(" ", row));
            kept += expected ? 1 : 0;
        }
        assertTrue(kept > 10 && kept < rows.size() - 10, "the fixtures hold both kept and dropped boxes: " + kept);
    }
}
