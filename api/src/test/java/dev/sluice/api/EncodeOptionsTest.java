package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EncodeOptionsTest {

    @Test
    void formatIsLowerCased() {
        assertEquals("png", new EncodeOptions("PNG", 90).format());
    }

    @Test
    void outOfRangeOptionsAreRefusedNamingOptionAndValue() {
        assertEquals("format must not be blank",
                assertThrows(IllegalArgumentException.class, () -> new EncodeOptions(" ", 90)).getMessage());
        assertEquals("format must not be blank",
                assertThrows(IllegalArgumentException.class, () -> new EncodeOptions(null, 90)).getMessage());
        assertEquals("quality must be 1 to 100, was 0",
                assertThrows(IllegalArgumentException.class, () -> EncodeOptions.jpeg(0)).getMessage());
        assertEquals("quality must be 1 to 100, was 101",
                assertThrows(IllegalArgumentException.class, () -> EncodeOptions.jpeg(101)).getMessage());
    }

    @Test
    void pngAndJpegFactoriesNameTheirFormat() {
        assertEquals(new EncodeOptions("png", 95), EncodeOptions.png());
        assertEquals(new EncodeOptions("jpeg", 1), EncodeOptions.jpeg(1));
        assertEquals(95, EncodeOptions.DEFAULT_JPEG_QUALITY, "OpenCV's imwrite default");
    }

    @Test
    void forFileChoosesTheFormatByExtension() {
        assertEquals(EncodeOptions.png(), EncodeOptions.forFile(Path.of("out", "sheet.PNG")));
        assertEquals(EncodeOptions.jpeg(95), EncodeOptions.forFile(Path.of("crop.jpg")));
        assertEquals(EncodeOptions.jpeg(95), EncodeOptions.forFile(Path.of("crop.JPEG")));
        assertEquals(new EncodeOptions("webp", 95), EncodeOptions.forFile(Path.of("a.b.webp")));
    }

    @Test
    void forFileRefusesANameWithoutExtensionNamingTheFile() {
        Path noExtension = Path.of("out", "sheet");
        assertEquals(noExtension + ": no file extension to choose an image format by",
                assertThrows(IllegalArgumentException.class, () -> EncodeOptions.forFile(noExtension)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> EncodeOptions.forFile(Path.of("sheet.")));
    }
}
