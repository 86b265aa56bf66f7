package dev.sluice.examples.cli;

import dev.sluice.api.Image;
import java.util.Arrays;
import java.util.List;

/**
 * A grid of pictures with a caption under each, as one RGB image: what {@code sluice inspect} and
 * {@code sluice demo} write instead of opening a window. Pictures may differ in size; each sits in
 * a cell as large as the largest. Captions are drawn with a small built-in pixel font (digits,
 * {@code # : , - [ ] /} and space), since the labels are integers and a font file would need a
 * font library.
 */
final class ContactSheet {
    private static final int GAP = 4;
    private static final int SCALE = 2;
    private static final int GLYPH_WIDTH = 3;
    private static final int GLYPH_HEIGHT = 5;
    private static final int CAPTION_HEIGHT = GLYPH_HEIGHT * SCALE + GAP;
    private static final byte BACKGROUND = 40;
    private static final String CHARACTERS = "0123456789#:,-[]/";
    // Each glyph is five rows of three bits, the top row first and the left pixel as the high bit.
    private static final int[][] GLYPHS = {
        {7, 5, 5, 5, 7}, {2, 6, 2, 2, 7}, {7, 1, 7, 4, 7}, {7, 1, 7, 1, 7}, {5, 5, 7, 1, 1},
        {7, 4, 7, 1, 7}, {7, 4, 7, 5, 7}, {7, 1, 1, 1, 1}, {7, 5, 7, 5, 7}, {7, 5, 7, 1, 7},
        {5, 7, 5, 7, 5}, {0, 2, 0, 2, 0}, {0, 0, 0, 2, 4}, {0, 0, 7, 0, 0}, {6, 4, 4, 4, 6},
        {3, 1, 1, 1, 3}, {1, 1, 2, 4, 4},
    };

    private ContactSheet() {
    }

    /**
     * @param pictures at least one, of 1 to 4 channels (grey is shown grey, alpha is dropped)
     * @param captions one per picture; characters the font lacks are drawn as spaces
     */
    static Image draw(List<Image> pictures, List<String> captions) {
        if (pictures.isEmpty() || pictures.size() != captions.size()) {
            throw new IllegalArgumentException("a contact sheet needs one caption per picture and at least one picture, "
                    + "was given " + pictures.size() + " pictures and " + captions.size() + " captions");
        }
        int cellWidth = 0;
        int cellHeight = 0;
        for (Image picture : pictures) {
            cellWidth = Math.max(cellWidth, picture.width());
            cellHeight = Math.max(cellHeight, picture.height());
        }
        int columns = (int) Math.ceil(Math.sqrt(pictures.size()));
        int rows = (pictures.size() + columns - 1) / columns;
        int width = GAP + columns * (cellWidth + GAP);
        int height = GAP + rows * (cellHeight + CAPTION_HEIGHT + GAP);
        byte[] rgb = new byte[width * height * 3];
        Arrays.fill(rgb, BACKGROUND);
        for (int i = 0; i < pictures.size(); i++) {
            int left = GAP + (i % columns) * (cellWidth + GAP);
            int top = GAP + (i / columns) * (cellHeight + CAPTION_HEIGHT + GAP);
            paste(pictures.get(i), rgb, width, left, top);
            caption(captions.get(i), rgb, width, left, top + cellHeight + GAP / 2, cellWidth);
        }
        return Image.wrap(width, height, 3, rgb);
    }

    private static void paste(Image picture, byte[] rgb, int sheetWidth, int left, int top) {
        byte[] pixels = picture.toArray();
        int channels = picture.channels();
        for (int y = 0; y < picture.height(); y++) {
            for (int x = 0; x < picture.width(); x++) {
                int from = (y * picture.width() + x) * channels;
                int to = ((top + y) * sheetWidth + left + x) * 3;
                boolean grey = channels < 3;
                rgb[to] = pixels[from];
                rgb[to + 1] = pixels[grey ? from : from + 1];
                rgb[to + 2] = pixels[grey ? from : from + 2];
            }
        }
    }

    private static void caption(String text, byte[] rgb, int sheetWidth, int left, int top, int maxWidth) {
        int advance = (GLYPH_WIDTH + 1) * SCALE;
        int fits = Math.min(text.length(), (maxWidth + SCALE) / advance);
        for (int i = 0; i < fits; i++) {
            int glyph = CHARACTERS.indexOf(text.charAt(i));
            if (glyph < 0) {
                continue;
            }
            for (int row = 0; row < GLYPH_HEIGHT; row++) {
                for (int column = 0; column < GLYPH_WIDTH; column++) {
                    if ((GLYPHS[glyph][row] >> (GLYPH_WIDTH - 1 - column) & 1) != 0) {
                        fill(rgb, sheetWidth, left + i * advance + column * SCALE, top + row * SCALE);
                    }
                }
            }
        }
    }

    private static void fill(byte[] rgb, int sheetWidth, int x, int y) {
        for (int dy = 0; dy < SCALE; dy++) {
            for (int dx = 0; dx < SCALE; dx++) {
                int at = ((y + dy) * sheetWidth + x + dx) * 3;
                rgb[at] = (byte) 255;
                rgb[at + 1] = (byte) 255;
                rgb[at + 2] = (byte) 255;
            }
        }
    }
}
