package dev.sluice.plugins.transforms.drawing;

import dev.sluice.plugins.transforms.Raster;

/**
 * A 5x7 pixel font drawn into 8-bit images with plain array writes: no {@code java.awt}, so it works
 * headless, gives the same pixels on every machine and JDK, and needs no font files. It has the
 * digits, the upper-case letters (lower case is drawn as upper case), space and {@code - + , . : ; / # ( ) [ ] = _ ? !};
 * any other character is drawn as {@code ?}. Each glyph cell is 6x8 pixels (one column and one row
 * of spacing), times the scale.
 */
final class BitmapFont {
    static final int GLYPH_WIDTH = 5;
    static final int GLYPH_HEIGHT = 7;
    static final int ADVANCE = 6;
    static final int LINE_HEIGHT = 8;

    static final String CHARACTERS = " 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-+,.:;/#()[]=_?!";
    // Seven rows of five pixels per glyph, in CHARACTERS order; '#' is ink.
    static final String[] GLYPHS = {
        ".....|.....|.....|.....|.....|.....|.....",
        ".###.|#...#|#..##|#.#.#|##..#|#...#|.###.",
        "..#..|.##..|..#..|..#..|..#..|..#..|.###.",
        ".###.|#...#|....#|...#.|..#..|.#...|#####",
        "#####|...#.|..#..|...#.|....#|#...#|.###.",
        "...#.|..##.|.#.#.|#..#.|#####|...#.|...#.",
        "#####|#....|####.|....#|....#|#...#|.###.",
        "..##.|.#...|#....|####.|#...#|#...#|.###.",
        "#####|....#|...#.|..#..|.#...|.#...|.#...",
        ".###.|#...#|#...#|.###.|#...#|#...#|.###.",
        ".###.|#...#|#...#|.####|....#|...#.|.##..",
        ".###.|#...#|#...#|#####|#...#|#...#|#...#",
        "####.|#...#|#...#|####.|#...#|#...#|####.",
        ".###.|#...#|#....|#....|#....|#...#|.###.",
        "###..|#..#.|#...#|#...#|#...#|#..#.|###..",
        "#####|#....|#....|####.|#....|#....|#####",
        "#####|#....|#....|####.|#....|#....|#....",
        ".###.|#...#|#....|#.###|#...#|#...#|.####",
        "#...#|#...#|#...#|#####|#...#|#...#|#...#",
        ".###.|..#..|..#..|..#..|..#..|..#..|.###.",
        "..###|...#.|...#.|...#.|...#.|#..#.|.##..",
        "#...#|#..#.|#.#..|##...|#.#..|#..#.|#...#",
        "#....|#....|#....|#....|#....|#....|#####",
        "#...#|##.##|#.#.#|#.#.#|#...#|#...#|#...#",
        "#...#|#...#|##..#|#.#.#|#..##|#...#|#...#",
        ".###.|#...#|#...#|#...#|#...#|#...#|.###.",
        "####.|#...#|#...#|####.|#....|#....|#....",
        ".###.|#...#|#...#|#...#|#.#.#|#..#.|.##.#",
        "####.|#...#|#...#|####.|#.#..|#..#.|#...#",
        ".####|#....|#....|.###.|....#|....#|####.",
        "#####|..#..|..#..|..#..|..#..|..#..|..#..",
        "#...#|#...#|#...#|#...#|#...#|#...#|.###.",
        "#...#|#...#|#...#|#...#|#...#|.#.#.|..#..",
        "#...#|#...#|#...#|#.#.#|#.#.#|#.#.#|.#.#.",
        "#...#|#...#|.#.#.|..#..|.#.#.|#...#|#...#",
        "#...#|#...#|.#.#.|..#..|..#..|..#..|..#..",
        "#####|....#|...#.|..#..|.#...|#....|#####",
        ".....|.....|.....|#####|.....|.....|.....",
        ".....|..#..|..#..|#####|..#..|..#..|.....",
        ".....|.....|.....|.....|.##..|..#..|.#...",
        ".....|.....|.....|.....|.....|.##..|.##..",
        ".....|.##..|.##..|.....|.##..|.##..|.....",
        ".....|.##..|.##..|.....|.##..|..#..|.#...",
        "....#|...#.|...#.|..#..|.#...|.#...|#....",
        ".#.#.|.#.#.|#####|.#.#.|#####|.#.#.|.#.#.",
        "...#.|..#..|.#...|.#...|.#...|..#..|...#.",
        ".#...|..#..|...#.|...#.|...#.|..#..|.#...",
        ".###.|.#...|.#...|.#...|.#...|.#...|.###.",
        ".###.|...#.|...#.|...#.|...#.|...#.|.###.",
        ".....|.....|#####|.....|#####|.....|.....",
        ".....|.....|.....|.....|.....|.....|#####",
        ".###.|#...#|....#|...#.|..#..|.....|..#..",
        "..#..|..#..|..#..|..#..|..#..|.....|..#..",
    };
    /** One bit per pixel: bit (row * 5 + column) of the glyph's long (35 bits). */
    private static final long[] BITS = new long[128];

    static {
        if (GLYPHS.length != CHARACTERS.length()) {
            throw new ExceptionInInitializerError("the font has " + GLYPHS.length + " glyphs for "
                    + CHARACTERS.length() + " characters");
        }
        for (int g = 0; g < GLYPHS.length; g++) {
            String[] rows = GLYPHS[g].split("\\|");
            long bits = 0;
            for (int row = 0; row < GLYPH_HEIGHT; row++) {
                for (int column = 0; column < GLYPH_WIDTH; column++) {
                    if (rows[row].charAt(column) == '#') {
                        bits |= 1L << (row * GLYPH_WIDTH + column);
                    }
                }
            }
            BITS[CHARACTERS.charAt(g)] = bits;
        }
    }

    private BitmapFont() {
    }

    /** Width in pixels of {@code text} at {@code scale}, without the trailing spacing column. */
    static int width(String text, int scale) {
        return text.isEmpty() ? 0 : (text.length() * ADVANCE - 1) * scale;
    }

    /** The glyph bits drawn for {@code c}. */
    static long glyph(char c) {
        char upper = Character.toUpperCase(c);
        if (upper < BITS.length && (CHARACTERS.indexOf(upper) >= 0)) {
            return BITS[upper];
        }
        return BITS['?'];
    }

    /**
     * Draws {@code text} with its top-left corner at {@code (x, y)}, each font pixel a
     * {@code scale x scale} block of {@code color} (one level per channel); pixels outside the image are skipped.
     */
    static void draw(Raster target, int x, int y, String text, int scale, int[] color) {
        int channels = target.channels;
        for (int i = 0; i < text.length(); i++) {
            long bits = glyph(text.charAt(i));
            int left = x + i * ADVANCE * scale;
            for (int row = 0; row < GLYPH_HEIGHT; row++) {
                for (int column = 0; column < GLYPH_WIDTH; column++) {
                    if ((bits & (1L << (row * GLYPH_WIDTH + column))) == 0) {
                        continue;
                    }
                    for (int dy = 0; dy < scale; dy++) {
                        int py = y + row * scale + dy;
                        for (int dx = 0; dx < scale; dx++) {
                            int px = left + column * scale + dx;
                            if (px >= 0 && px < target.width && py >= 0 && py < target.height) {
                                int at = (py * target.width + px) * channels;
                                for (int c = 0; c < channels; c++) {
                                    target.data[at + c] = (byte) color[c];
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
