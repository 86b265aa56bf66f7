package dev.sluice.core.mix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DType;
import dev.sluice.api.Tensor;
import dev.sluice.api.TensorAllocator;
import dev.sluice.core.collate.LabeledBatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MixUp and CutMix against torchvision v2's own code with the same drawn parameters (lambda, and
 * CutMix's box centre): mix-fixtures.txt, written by make_mix_fixtures.py beside it. Every output
 * value must have the same float32 bits (uint8 pixels the same value). Lambda is a float32 value,
 * as torchvision's Beta draw is.
 */
class MixAgainstTorchvisionTest {

    @Test
    void mixupAndCutmixGiveTorchvisionsBitsForTheSameDraws() throws IOException {
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("mix-fixtures.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        LabeledBatch batch = null;
        int numClasses = 0;
        int mixups = 0;
        int cutmixes = 0;
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(" \\| ");
            String[] head = parts[0].split(" ");
            switch (head[0]) {
                case "batch" -> {
                    DType dtype = DType.fromId(head[1]);
                    int[] shape = {Integer.parseInt(head[2]), Integer.parseInt(head[3]), Integer.parseInt(head[4]),
                        Integer.parseInt(head[5])};
                    numClasses = Integer.parseInt(head[7]);
                    Tensor images = dtype == DType.FLOAT32 ? Tensor.ofFloats(shape, floats(parts[1]))
                            : Tensor.ofBytes(shape, bytes(parts[1]));
                    Tensor labels = head[6].equals("index") ? Tensor.ofLongs(new int[] {shape[0]}, longs(parts[2]))
                            : Tensor.ofFloats(new int[] {shape[0], numClasses}, floats(parts[2]));
                    batch = new LabeledBatch(images, labels);
                }
                case "mixup" -> {
                    double lambda = Float.parseFloat(head[1]);
                    MixUp mixUp = new MixUp(1.0, numClasses);
                    LabeledBatch mixed = mixUp.mix(batch, SoftLabels.of("mixup", batch.labels(), numClasses), lambda,
                            TensorAllocator.heap());
                    assertBits(parts[1], mixed.images(), line);
                    assertBits(parts[2], mixed.labels(), line);
                    assertArrayEquals(new int[] {batch.size(), numClasses}, mixed.labels().shape());
                    mixups++;
                }
                case "cutmix" -> {
                    double lambda = Float.parseFloat(head[1]);
                    CutMix cutMix = new CutMix(1.0, numClasses);
                    LabeledBatch mixed = cutMix.cut(batch, SoftLabels.of("cutmix", batch.labels(), numClasses), lambda,
                            Integer.parseInt(head[2]), Integer.parseInt(head[3]), TensorAllocator.heap());
                    if (mixed.images().dtype() == DType.FLOAT32) {
                        assertBits(parts[1], mixed.images(), line);
                    } else {
                        assertArrayEquals(bytes(parts[1]), mixed.images().toByteArray(), line);
                    }
                    assertBits(parts[2], mixed.labels(), line);
                    cutmixes++;
                }
                default -> throw new AssertionError("unknown fixture line: " + line);
            }
        }
        assertTrue(mixups >= 21 && cutmixes >= 24, mixups + " mixup and " + cutmixes + " cutmix fixtures");
    }

    private static void assertBits(String expected, Tensor actual, String line) {
        float[] values = actual.toFloatArray();
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        int[] wanted = Arrays.stream(expected.trim().split(" ")).mapToInt(h -> Integer.parseUnsignedInt(h, 16)).toArray();
        assertEquals(wanted.length, bits.length, line.substring(0, 30));
        assertArrayEquals(wanted, bits, line.substring(0, 30));
    }

    private static float[] floats(String hex) {
        String[] words = hex.trim().split(" ");
        float[] values = new float[words.length];
        for (int i = 0; i < words.length; i++) {
            values[i] = Float.intBitsToFloat(Integer.parseUnsignedInt(words[i], 16));
        }
        return values;
    }

    private static long[] longs(String text) {
        return Arrays.stream(text.trim().split(" ")).mapToLong(Long::parseLong).toArray();
    }

    private static byte[] bytes(String text) {
        String[] words = text.trim().split(" ");
        byte[] values = new byte[words.length];
        for (int i = 0; i < words.length; i++) {
            values[i] = (byte) Integer.parseInt(words[i]);
        }
        return values;
    }
}
