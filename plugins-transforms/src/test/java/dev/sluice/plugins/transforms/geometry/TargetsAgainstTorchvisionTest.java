package dev.sluice.plugins.transforms.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Image;
import dev.sluice.api.Region;
import dev.sluice.api.Transform;
import dev.sluice.api.target.BoundingBoxes;
import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.KeyPoints;
import dev.sluice.api.target.SegmentationMask;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.plugins.transforms.Size;
import dev.sluice.plugins.transforms.resize.Resize;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Every geometric transform of the pack moves boxes (in each format), key points and a class-index
 * mask as torchvision v2's kernels do for the same parameters: bit for bit for boxes and points,
 * value for value for masks ({@code make_target_fixtures.py} beside {@code target-fixtures.txt},
 * made by torchvision 0.28).
 */
class TargetsAgainstTorchvisionTest {

    /** One fixture line: what, the op and its parameters, the box format, input, output, output canvas. */
    record Row(String kind, String op, Map<String, String> params, String format, CanvasSize canvas, String input,
            String output, CanvasSize outCanvas) {
        @Override
        public String toString() {
            return kind + " " + op + " " + params + ("-".equals(format) ? "" : " " + format);
        }
    }

    static Stream<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = TargetsAgainstTorchvisionTest.class.getResourceAsStream("target-fixtures.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" ");
                Map<String, String> params = new HashMap<>();
                if (!"-".equals(f[2])) {
                    for (String pair : f[2].split(",")) {
                        String[] kv = pair.split("=");
                        params.put(kv[0], kv[1]);
                    }
                }
                rows.add(new Row(f[0], f[1], params, f[3], canvas(f[4]), f[5], f[6], canvas(f[7])));
            }
        }
        assertTrue(rows.size() > 100, "fixture rows: " + rows.size());
        return rows.stream();
    }

    private static CanvasSize canvas(String text) {
        String[] hw = text.split("x");
        return new CanvasSize(Integer.parseInt(hw[0]), Integer.parseInt(hw[1]));
    }

    private static float[] floats(String hex) {
        String[] parts = hex.split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.intBitsToFloat(Integer.parseUnsignedInt(parts[i], 16));
        }
        return out;
    }

    private static byte[] maskValues(String hex) {
        byte[] out = new byte[hex.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Character.digit(hex.charAt(i), 16);
        }
        return out;
    }

    private static int number(Row row, String key) {
        return Integer.parseInt(row.params().get(key));
    }

    /** The pack's transform for the row's op and parameters; null for resized_crop, moved by its method. */
    private static Transform<Image, Image> transform(Row row) {
        Map<String, String> p = row.params();
        return switch (row.op()) {
            case "horizontal_flip" -> RandomHorizontalFlip.of(1.0);
            case "vertical_flip" -> RandomVerticalFlip.of(1.0);
            case "resize" -> p.containsKey("size")
                    ? (p.containsKey("max_size") ? Resize.of(number(row, "size")).maxSize(number(row, "max_size"))
                            : Resize.of(number(row, "size")))
                    : Resize.of(new Size(number(row, "w"), number(row, "h")));
            case "center_crop" -> CenterCrop.of(new Size(number(row, "w"), number(row, "h")));
            case "crop" -> Crop.of(new Region(number(row, "left"), number(row, "top"), number(row, "w"), number(row, "h")));
            case "pad" -> Pad.of(new Padding(number(row, "left"), number(row, "top"), number(row, "right"),
                    number(row, "bottom"))).fill(p.containsKey("fill") ? number(row, "fill") : 0)
                    .paddingMode(p.containsKey("mode") ? Pad.Mode.valueOf(p.get("mode").toUpperCase()) : Pad.Mode.CONSTANT);
            case "rotate" -> {
                double angle = Double.parseDouble(p.get("angle"));
                RandomRotation rotation = RandomRotation.of(angle, angle).expand("1".equals(p.get("expand")))
                        .fill(p.containsKey("fill") ? number(row, "fill") : 0);
                yield "none".equals(p.get("center")) ? rotation : rotation.center(5, 7);
            }
            case "affine" -> {
                Affine affine = Affine.of(Double.parseDouble(p.get("angle")), number(row, "tx"), number(row, "ty"),
                        Double.parseDouble(p.get("scale")), Double.parseDouble(p.get("shx")), Double.parseDouble(p.get("shy")));
                String[] center = p.get("center").split(":");
                yield "none".equals(p.get("center")) ? affine
                        : affine.center(Double.parseDouble(center[0]), Double.parseDouble(center[1]));
            }
            case "perspective" -> {
                int[] end = Stream.of(p.get("end").split(":")).mapToInt(Integer::parseInt).toArray();
                int w = row.canvas().width();
                int h = row.canvas().height();
                yield Perspective.of(new int[][] {{0, 0}, {w - 1, 0}, {w - 1, h - 1}, {0, h - 1}},
                        new int[][] {{end[0], end[1]}, {end[2], end[3]}, {end[4], end[5]}, {end[6], end[7]}});
            }
            case "resized_crop" -> null;
            default -> throw new IllegalArgumentException("unknown op " + row.op());
        };
    }

    private static Targeted<Image> moved(Row row, Targets targets) {
        CanvasSize canvas = row.canvas();
        Image image = Image.wrap(canvas.width(), canvas.height(), 3, new byte[(int) canvas.pixels() * 3]);
        Transform<Image, Image> transform = transform(row);
        if (transform == null) {
            RandomResizedCrop crop = RandomResizedCrop.of(new Size(number(row, "ow"), number(row, "oh")));
            Region region = new Region(number(row, "left"), number(row, "top"), number(row, "w"), number(row, "h"));
            Image out = crop.resizedCrop(image, region);
            return Targeted.of(out, crop.moveTargets(targets, region));
        }
        return transform.applyWithTargets(Targeted.of(image, targets), new SplittableRandom(7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void movesTargetsAsTorchvision(Row row) {
        float[] expected = "mask".equals(row.kind()) ? null : floats(row.output());
        switch (row.kind()) {
            case "boxes" -> {
                float[] in = floats(row.input());
                BoundingBoxes boxes = BoundingBoxes.of(BoxFormat.valueOf(row.format()), row.canvas(), in,
                        new long[in.length / 4]);
                Targeted<Image> out = moved(row, Targets.NONE.withBoxes(boxes));
                BoundingBoxes moved = out.targets().boxes().orElseThrow();
                assertEquals(boxes.format(), moved.format());
                assertArrayEquals(expected, moved.coordinates(), row.toString());
                if (!"1".equals(row.params().get("expand"))) {
                    assertEquals(row.outCanvas(), moved.canvas(), "canvas");
                }
            }
            case "points" -> {
                KeyPoints points = KeyPoints.of(row.canvas(), floats(row.input()));
                KeyPoints moved = moved(row, Targets.NONE.withKeyPoints(points)).targets().keyPoints().orElseThrow();
                assertArrayEquals(expected, moved.coordinates(), row.toString());
                if (!"1".equals(row.params().get("expand"))) {
                    assertEquals(row.outCanvas(), moved.canvas(), "canvas");
                }
            }
            case "mask" -> {
                SegmentationMask mask = SegmentationMask.classIndex(row.canvas(), maskValues(row.input()));
                SegmentationMask moved = moved(row, Targets.NONE.withMask(mask)).targets().mask().orElseThrow();
                assertEquals(row.outCanvas(), moved.canvas(), "canvas");
                assertArrayEquals(maskValues(row.output()), moved.toUint8Array(), row.toString());
            }
            default -> throw new IllegalArgumentException(row.kind());
        }
    }
}
