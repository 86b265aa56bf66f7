package dev.sluice.plugins.transforms.drawing;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.plugins.transforms.FixtureCases;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.api.contract.DiscoveredTransforms;
import dev.sluice.plugins.transforms.containers.ComposeProvider;
import dev.sluice.plugins.transforms.geometry.RandomHorizontalFlip;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * draw_rectangle against {@code cv2.rectangle} (thickness 1 to 5), side_by_side against
 * {@code np.hstack}, and the contact sheet without labels against torchvision's {@code make_grid}
 * and {@code save_image}: every sample equal.
 */
class DrawingFixtureTest {

    @FixtureCases("draw_rectangle")
    @SuppressWarnings("unchecked")
    void rectangleMatchesOpenCv(Fixtures.Case c) {
        Transform<Image, Image> draw = (Transform<Image, Image>) new DrawRectangleProvider().create(c.optionsAt("t.draw_rectangle"));
        Fixtures.assertAgrees(c, draw.apply(Fixtures.input(c.input()), new SplittableRandom(0)));
    }

    @FixtureCases("side_by_side")
    @SuppressWarnings("unchecked")
    void sideBySideMatchesNumpyHstack(Fixtures.Case c) {
        Image grass = Fixtures.input(c.input());
        Image mirrored = RandomHorizontalFlip.of(1).apply(grass, new SplittableRandom(0));
        Transform<List<?>, Image> join = (Transform<List<?>, Image>) new SideBySideProvider().create(c.optionsAt("t.side_by_side"));
        Fixtures.assertAgrees(c, join.apply(List.of(grass, mirrored), new SplittableRandom(0)));
    }

    @FixtureCases("contact_sheet")
    @SuppressWarnings("unchecked")
    void contactSheetWithoutLabelsMatchesMakeGrid(Fixtures.Case c) {
        Transform<Object, Object> crop = new ComposeProvider().create(Options.of("t.compose",
                Map.of("transforms", List.of(Map.of("center_crop", Map.of("size", List.of(20, 24))), "to_tensor"))), DiscoveredTransforms.onClassPath());
        String[] names = c.input().split(",");
        ByteBuffer batch = ByteBuffer.allocate(names.length * 3 * 20 * 24 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (String name : names) {
            batch.put(((Tensor) crop.apply(Fixtures.input(name), new SplittableRandom(0))).data());
        }
        Tensor images = Tensor.wrap(DType.FLOAT32, new int[] {names.length, 3, 20, 24}, batch.flip());
        Transform<Object, Image> sheet = (Transform<Object, Image>) new ContactSheetProvider().create(c.optionsAt("t.contact_sheet"));
        Fixtures.assertAgrees(c, sheet.apply(images, new SplittableRandom(0)));
    }
}
