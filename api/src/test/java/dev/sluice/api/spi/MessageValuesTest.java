package dev.sluice.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class MessageValuesTest {

    @Test
    void aTenMegabytePathIsCutToTheLimit() {
        // Issue 15, item 16: a 10 MB path gave a 20 MB error message.
        String path = "a/".repeat(5_000_000);
        String shown = MessageValues.shorten(path);
        assertEquals(MessageValues.LIMIT, shown.length());
        assertEquals(path.substring(0, MessageValues.LIMIT - 3) + "...", shown);
        assertEquals("short/path.jpg", MessageValues.shorten("short/path.jpg"));
    }

    @Test
    void controlCharactersAreEscapedSoThatAMessageStaysOnOneLine() {
        assertEquals("a\\nb\\tc\\u001b[31m\\u2028", MessageValues.shorten("a\nb\tc\u001b[31m\u2028"));
        assertEquals("abcd...", MessageValues.shorten("abcdefghij", 7));
        assertThrows(IllegalArgumentException.class, () -> MessageValues.shorten("x", 3));
    }

    @Test
    void aReasonNeverRepeatsTheFileAndIsNeverEmpty() {
        assertEquals("No space left on device", MessageValues.reason(new IOException("No space left on device")));
        assertEquals("Read-only file system", MessageValues.reason(new FileSystemException("x", null,
                "Read-only file system")));
        assertEquals("no such file or folder", MessageValues.reason(new NoSuchFileException("x")));
        assertEquals("permission denied", MessageValues.reason(new AccessDeniedException("x")));
        assertEquals("IOException", MessageValues.reason(new IOException()));
    }
}
