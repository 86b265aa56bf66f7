package dev.sluice.plugins.transforms.drawing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.plugins.transforms.Raster;
import org.junit.jupiter.api.Test;

/** The built-in font draws exactly the glyphs it is written with, and unknown characters as '?'. */
class BitmapFontTest {

    private static String render(char c, int scale) {
        Raster canvas = new Raster(new byte[6 * 8 * scale * scale], 6 * scale, 8 * scale, 1);
        BitmapFont.draw(canvas, 0, 0, String.valueOf(c), scale, new int[] {255});
        StringBuilder rows = new StringBuilder();
        for (int row = 0; row < BitmapFont.GLYPH_HEIGHT; row++) {
            rows.append(row == 0 ? "" : "|");
            for (int column = 0; column < BitmapFont.GLYPH_WIDTH; column++) {
                rows.append(canvas.data[(row * scale) * canvas.width + column * scale] != 0 ? '#' : '.');
            }
        }
        return rows.toString();
    }

    @Test
    void everyGlyphIsDrawnPixelForPixelAtScaleOneAndTwo() {
        for (int g = 0; g < BitmapFont.CHARACTERS.length(); g++) {
            char c = BitmapFont.CHARACTERS.charAt(g);
            assertEquals(BitmapFont.GLYPHS[g], render(c, 1), "glyph '" + c + "'");
            assertEquals(BitmapFont.GLYPHS[g], render(c, 2), "glyph '" + c + "' at scale 2");
        }
    }

    @Test
    void lowerCaseIsDrawnAsUpperCaseAndUnknownCharactersAsAQuestionMark() {
        assertEquals(render('K', 1), render('k', 1));
        assertEquals(render('?', 1), render('\u00e9', 1));
        assertEquals(29, BitmapFont.width("12345", 1));
        assertEquals(0, BitmapFont.width("", 3));
    }
}
