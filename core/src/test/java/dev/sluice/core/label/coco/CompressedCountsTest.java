package dev.sluice.core.label.coco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** COCO's compressed RLE text against pycocotools' {@code encode} ({@code make_mask_fixtures.py}). */
class CompressedCountsTest {

    @Test
    void decodesWhatPycocotoolsEncodes() throws IOException {
        int checked = 0;
        try (InputStream in = getClass().getResourceAsStream("/dev/sluice/core/target/mask-fixtures.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("rle ")) {
                    List<String> fields = List.of(line.split(" "));
                    int[] expected = fields.subList(fields.indexOf("=") + 1, fields.size()).stream()
                            .mapToInt(Integer::parseInt).toArray();
                    assertArrayEquals(expected, CompressedCounts.decode(fields.get(3)), line);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 50);
    }

    @Test
    void refusesWhatTheCocoApiWouldReadPastOrWrap() {
        assertEquals("the text ends inside run 0", message("P"));
        assertEquals("character 1 ' ' is not a compressed RLE character ('0' to 'o')", message("1 "));
        assertEquals("run 0 has more than 7 characters", message("PPPPPPPP1"));
        assertEquals("run 0 is -16; runs are 0 to 2147483647", message("@"));
        assertArrayEquals(new int[] {9, 2, 2, 2, 9}, CompressedCounts.decode("92207"));
        assertEquals(0, CompressedCounts.decode("").length);
        assertTrue(Arrays.equals(new int[] {0, 24}, CompressedCounts.decode("0h0")));
    }

    private static String message(String text) {
        return assertThrows(IllegalArgumentException.class, () -> CompressedCounts.decode(text)).getMessage();
    }
}
