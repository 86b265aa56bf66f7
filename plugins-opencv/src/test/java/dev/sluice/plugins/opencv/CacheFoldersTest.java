package dev.sluice.plugins.opencv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheFoldersTest {

    @Test
    void sluiceCacheWinsOverEveryPlatformDefault() throws IOException {
        Map<String, String> environment = Map.of("SLUICE_CACHE", "/srv/cache", "XDG_CACHE_HOME", "/home/ann/.xdg",
                "LOCALAPPDATA", "/ann/local");
        for (String os : new String[] {"Linux", "Mac OS X", "Windows 11", "FreeBSD"}) {
            assertEquals(Path.of("/srv/cache"), CacheFolders.sluice(environment, os, "/home/ann"), os);
        }
    }

    @Test
    void aRelativeSluiceCacheIsTakenFromTheWorkingFolder() throws IOException {
        assertEquals(Path.of("cache").toAbsolutePath(), CacheFolders.sluice(Map.of("SLUICE_CACHE", "cache"), "Linux", "/home/ann"));
    }

    @Test
    void linuxUsesXdgCacheHomeOrDotCache() throws IOException {
        assertEquals(Path.of("/home/ann/.xdg/sluice"),
                CacheFolders.sluice(Map.of("XDG_CACHE_HOME", "/home/ann/.xdg"), "Linux", "/home/ann"));
        assertEquals(Path.of("/home/ann/.cache/sluice"), CacheFolders.sluice(Map.of(), "Linux", "/home/ann"));
        assertEquals(Path.of("/home/ann/.cache/sluice"),
                CacheFolders.sluice(Map.of("XDG_CACHE_HOME", ""), "Linux", "/home/ann"));
    }

    @Test
    void aRelativeXdgCacheHomeIsIgnoredAsTheSpecificationSays() throws IOException {
        assertEquals(Path.of("/home/ann/.cache/sluice"),
                CacheFolders.sluice(Map.of("XDG_CACHE_HOME", "relative/cache"), "Linux", "/home/ann"));
    }

    @Test
    void macOsUsesLibraryCaches() throws IOException {
        assertEquals(Path.of("/Users/ann/Library/Caches/sluice"),
                CacheFolders.sluice(Map.of("XDG_CACHE_HOME", "/Users/ann/.xdg"), "Mac OS X", "/Users/ann"));
    }

    @Test
    void windowsUsesLocalAppData() throws IOException {
        assertEquals(Path.of("/ann/local", "sluice", "cache"),
                CacheFolders.sluice(Map.of("LOCALAPPDATA", "/ann/local"), "Windows 11", "/ann"));
        assertEquals(Path.of("/ann", "AppData", "Local", "sluice", "cache"),
                CacheFolders.sluice(Map.of(), "Windows 11", "/ann"));
    }

    @Test
    void aUserWithoutAHomeIsToldToSetSluiceCache() {
        for (String home : new String[] {"?", "", "relative"}) {
            IOException refused = assertThrows(IOException.class, () -> CacheFolders.sluice(Map.of(), "Linux", home));
            assertEquals("no home folder to keep the cache in (user.home=" + home + "); set SLUICE_CACHE to a writable folder",
                    refused.getMessage());
        }
    }

    @Test
    void aSluiceCacheThatIsNoPathIsRefusedNamingTheSetting() {
        IOException refused = assertThrows(IOException.class,
                () -> CacheFolders.sluice(Map.of("SLUICE_CACHE", "/srv/\0cache"), "Linux", "/home/ann"));
        assertTrue(refused.getMessage().startsWith("SLUICE_CACHE=/srv/\0cache is not a path: "), refused::getMessage);
    }
}
