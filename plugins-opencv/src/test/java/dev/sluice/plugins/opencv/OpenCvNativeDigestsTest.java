package dev.sluice.plugins.opencv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import nu.pattern.OpenCV;
import org.junit.jupiter.api.Test;

/** {@code opencv-natives.sha256} holds the true SHA-256 of every native library in the OpenCV jar Sluice builds with. */
class OpenCvNativeDigestsTest {

    @Test
    void everyNativeLibraryOfTheJarIsListedWithTheDigestOfItsBytes() throws IOException, URISyntaxException {
        Path jarPath = Path.of(OpenCV.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> checked = new ArrayList<>();
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.startsWith("nu/pattern/opencv/") || !(name.endsWith(".so") || name.endsWith(".dll")
                        || name.endsWith(".dylib"))) {
                    continue;
                }
                Optional<String> listed = NativeDigests.known(name, entry.getSize(), entry.getCrc());
                assertTrue(listed.isPresent(), () -> name + " of " + jarPath + " is not in opencv-natives.sha256; "
                        + "list its SHA-256, size and CRC-32 there");
                MessageDigest digest = NativeDigests.sha256();
                try (InputStream in = jar.getInputStream(entry)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        digest.update(buffer, 0, n);
                    }
                }
                assertEquals(NativeDigests.hex(digest), listed.get(), name);
                checked.add(name);
            }
        }
        assertEquals(7, checked.size(), checked::toString);
    }
}
