package dev.sluice.core.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.EntryTargets;
import dev.sluice.api.target.InstanceShape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LabelIndexTargetsTest {

    private static LabelIndex index(List<EntryTargets> targets) throws IOException {
        LabelFormat format = (source, sink) -> {
            for (int i = 0; i < targets.size(); i++) {
                if (targets.get(i) == null) {
                    sink.entry("plain/" + i + ".jpg", new long[] {i}, i + 1);
                } else {
                    sink.entry("img/" + i + ".jpg", new long[0], targets.get(i), i + 1);
                }
            }
        };
        return LabelIndex.read(format, Path.of("labels"), Path.of("images"));
    }

    private static EntryTargets random(Random random, int entry) {
        int boxes = random.nextInt(5);
        float[] coordinates = new float[boxes * 4];
        long[] labels = new long[boxes];
        List<InstanceShape> shapes = new ArrayList<>();
        CanvasSize canvas = new CanvasSize(1 + random.nextInt(900), 1 + random.nextInt(900));
        for (int b = 0; b < boxes; b++) {
            for (int k = 0; k < 4; k++) {
                coordinates[b * 4 + k] = random.nextFloat() * 1000 - 100;
            }
            labels[b] = random.nextBoolean() ? random.nextInt(80) : random.nextLong();
            if (random.nextBoolean()) {
                double[] ring = new double[6 + 2 * random.nextInt(40)];
                for (int i = 0; i < ring.length; i++) {
                    ring[i] = random.nextDouble() * 600;
                }
                shapes.add(InstanceShape.Polygons.of(List.of(ring, ring)));
            } else {
                int half = (int) (canvas.pixels() / 2);
                shapes.add(InstanceShape.RunLengths.of(canvas, new int[] {half, 0, (int) canvas.pixels() - half}));
            }
        }
        return switch (entry % 4) {
            case 0 -> EntryTargets.boxes(BoxFormat.XYWH, Optional.of(canvas), coordinates, labels).withShapes(shapes);
            case 1 -> EntryTargets.normalizedBoxes(BoxFormat.CXCYWH, coordinates, labels);
            case 2 -> EntryTargets.boxes(BoxFormat.XYXY, Optional.empty(), coordinates, labels);
            default -> EntryTargets.maskFile("/masks/\u00e9t\u00e9/" + entry + ".png");
        };
    }

    @Test
    void targetsComeBackExactlyAcrossStoreChunks() throws IOException {
        Random random = new Random(18);
        List<EntryTargets> written = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            written.add(i % 7 == 6 ? null : random(random, i));
        }
        LabelIndex index = index(written);
        assertTrue(index.hasTargets());
        for (int i = 0; i < written.size(); i++) {
            assertEquals(Optional.ofNullable(written.get(i)), index.targets(i), "entry " + i);
        }
        assertTrue(index.toString().endsWith(", with targets]"), index.toString());
    }

    @Test
    void entriesBeforeTheFirstTargetsHaveNone() throws IOException {
        EntryTargets one = EntryTargets.boxes(BoxFormat.XYXY, Optional.empty(), new float[] {1, 2, 3, 4}, new long[] {5});
        List<EntryTargets> written = new ArrayList<>();
        written.add(null);
        written.add(null);
        written.add(one);
        LabelIndex index = index(written);
        assertEquals(Optional.empty(), index.targets(0));
        assertEquals(Optional.of(one), index.targets(2));
    }

    @Test
    void anIndexWithoutTargetsSaysSoAndItsDigestDependsOnTargets() throws IOException {
        List<EntryTargets> none = new ArrayList<>();
        none.add(null);
        LabelIndex plain = index(none);
        assertFalse(plain.hasTargets());
        assertEquals(Optional.empty(), plain.targets(0));
        EntryTargets a = EntryTargets.boxes(BoxFormat.XYXY, Optional.empty(), new float[] {1, 2, 3, 4}, new long[] {5});
        EntryTargets b = EntryTargets.boxes(BoxFormat.XYXY, Optional.empty(), new float[] {1, 2, 3, 5}, new long[] {5});
        assertNotEquals(index(List.of(a)).digest(), index(List.of(b)).digest());
        assertEquals(index(List.of(a)).digest(), index(List.of(a)).digest());
    }
}
