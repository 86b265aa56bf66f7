package dev.sluice.examples.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.util.Platform;
import ai.djl.util.Utils;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class OfflineEngineTest {

    @Test
    void theEngineIsPyTorchCpuFromTheNativeJarOnTheClassPath() {
        DjlSettings.offline();
        Platform platform = Platform.detectPlatform("pytorch");
        assertFalse(platform.isPlaceholder(), "a placeholder platform would mean: download the library");
        assertEquals("cpu", platform.getFlavor());
        assertEquals("linux-x86_64", platform.getClassifier());
        Engine engine = Engine.getEngine("PyTorch");
        assertEquals("2.7.1", engine.getVersion());
    }

    @Test
    void offlineModeRefusesEveryDownloadBeforeTouchingTheNetwork() throws Exception {
        DjlSettings.offline();
        assertTrue(Utils.isOfflineMode());
        // Where DJL would fetch a missing PyTorch build from.
        IOException e = assertThrows(IOException.class,
                () -> Utils.openUrl(URI.create("https://publish.djl.ai/pytorch/2.7.1/files.txt").toURL()));
        assertEquals("Offline mode is enabled.", e.getMessage());
    }

    @Test
    void settingsKeepWhatTheCommandLineSet() {
        String saved = System.getProperty(DjlSettings.DEFAULT_ENGINE);
        try {
            System.setProperty(DjlSettings.DEFAULT_ENGINE, "OnnxRuntime");
            DjlSettings.offline();
            assertEquals("OnnxRuntime", System.getProperty(DjlSettings.DEFAULT_ENGINE));
            System.clearProperty(DjlSettings.DEFAULT_ENGINE);
            DjlSettings.offline();
            assertEquals("PyTorch", System.getProperty(DjlSettings.DEFAULT_ENGINE));
        } finally {
            if (saved == null) {
                System.clearProperty(DjlSettings.DEFAULT_ENGINE);
            } else {
                System.setProperty(DjlSettings.DEFAULT_ENGINE, saved);
            }
        }
    }

    @Test
    void torchThreadsRefusesFewerThanOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DjlSettings.torchThreads(0));
        assertEquals("threads must be >= 1, was 0", e.getMessage());
    }
}
