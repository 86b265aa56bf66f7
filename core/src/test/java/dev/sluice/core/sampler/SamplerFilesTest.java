package dev.sluice.core.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.contract.SpecialFiles;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weight and index files, hostile ones included: only regular files, bounded lines, each problem at its line. */
class SamplerFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsOneNumberPerLineSkippingBlankLinesAndComments() throws IOException {
        Path weights = Files.writeString(dir.resolve("w.txt"), "# weights\n0.5\r\n\n  2 \n1e-3\n0\n");
        assertArrayEquals(new double[] {0.5, 2, 1e-3, 0}, SamplerFiles.weights(weights, 4));
        Path indices = Files.writeString(dir.resolve("i.txt"), "3\n3\n0");
        assertArrayEquals(new long[] {3, 3, 0}, SamplerFiles.indices(indices, 4));
        assertArrayEquals(new long[0], SamplerFiles.indices(Files.writeString(dir.resolve("none.txt"), ""), 4));
    }

    @Test
    void pythonsWordsForNonFiniteWeightsAreRefusedAsTorchRefusesThem() throws IOException {
        for (String word : new String[] {"nan", "NaN", "-inf", "Infinity", "+inf"}) {
            Path weights = Files.writeString(dir.resolve("w.txt"), "1\n" + word + "\n");
            String message = assertThrows(SamplerFileException.class, () -> SamplerFiles.weights(weights, 2))
                    .getMessage();
            assertTrue(message.startsWith(weights + ":2: weight " + word + ": invalid multinomial distribution"),
                    message);
        }
    }

    @Test
    void aFifoADeviceAndAHugeLineAreRefusedWithoutWaitingOrAllocating() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("fifo.txt"));
        FileSystemException notRegular = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(FileSystemException.class, () -> SamplerFiles.weights(fifo, 3)));
        assertTrue(notRegular.getMessage().contains("is a FIFO, not a regular file"), notRegular.getMessage());
        Path zero = Files.createSymbolicLink(dir.resolve("zero.txt"), SpecialFiles.device(SpecialFiles.ZERO));
        assertTrue(assertThrows(FileSystemException.class, () -> SamplerFiles.indices(zero, 3)).getMessage()
                .contains("not a regular file"));
        Path huge = Files.write(dir.resolve("huge.txt"), new byte[8 << 20]);
        assertEquals(huge + ":1: longer than 64 bytes; one number per line",
                assertThrows(SamplerFileException.class, () -> SamplerFiles.indices(huge, 3)).getMessage());
    }

    @Test
    void theWeightCountMustMatchTheDatasetWithoutReadingFurther() throws IOException {
        Path many = Files.writeString(dir.resolve("w.txt"), "1\n".repeat(1000));
        assertEquals(many + ":4: more weights than the dataset's 3 samples; one weight per sample",
                assertThrows(SamplerFileException.class, () -> SamplerFiles.weights(many, 3)).getMessage());
    }

    @Test
    void inverseClassFrequencyWeighsEachClassEqually() {
        assertArrayEquals(new double[] {1 / 3.0, 1, 1 / 3.0, 1 / 3.0, 0.5, 0.5},
                ClassBalance.inverseFrequency(new long[] {0, 7, 0, 0, 2, 2}));
    }
}
