package dev.sluice.core.wiring;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.loader.BatchTransform;
import dev.sluice.core.mix.CutMix;
import dev.sluice.core.mix.MixChoice;
import dev.sluice.core.mix.MixUp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code loader.batch_transform}: MixUp or CutMix on every batch, or one of them per batch, with
 * torchvision's ids and parameters ({@code alpha} 1.0 by default, {@code num_classes} required)
 * plus {@code p}, the probability that a batch is mixed (default 1):
 * <pre>{@code
 * batch_transform:
 *   mixup: {alpha: 0.2, num_classes: 1000}
 *
 * batch_transform:                 # torchvision's RandomChoice([MixUp(), CutMix()], p)
 *   random_choice:
 *     transforms:
 *       - mixup: {alpha: 0.2, num_classes: 1000}
 *       - cutmix: {alpha: 1.0, num_classes: 1000}
 *     p: [0.5, 0.5]                # optional weights, normalised; equal when absent
 * }</pre>
 */
final class BatchTransformSection {
    static final String KEY = "loader.batch_transform";
    private static final Set<String> MIX_KEYS = Set.of("alpha", "num_classes", "p");

    private BatchTransformSection() {
    }

    /** The batch transform {@code value} describes, checked, every error at its key's line. */
    static BatchTransform<LabeledBatch> read(ConfigTree tree, Object value) {
        Map.Entry<String, Object> entry = single(tree, KEY, value);
        String path = KEY + "." + entry.getKey();
        if (!entry.getKey().equals("random_choice")) {
            return mix(tree, path, entry.getKey(), entry.getValue()).transform();
        }
        Options options = optionsOf(tree, path, entry.getValue());
        requireOnly(tree, options, Set.of("transforms", "p"));
        if (!(options.raw("transforms") instanceof List<?> list) || list.isEmpty()) {
            throw tree.error(options.keyPath("transforms"), "required: a list of mixup and cutmix entries");
        }
        List<Mix> choices = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String itemPath = options.keyPath("transforms") + "[" + i + "]";
            Map.Entry<String, Object> item = single(tree, itemPath, list.get(i));
            if (item.getKey().equals("random_choice")) {
                throw tree.error(itemPath, "random_choice chooses among mixup and cutmix, not another random_choice");
            }
            choices.add(mix(tree, itemPath + "." + item.getKey(), item.getKey(), item.getValue()));
        }
        int classes = choices.get(0).numClasses();
        for (Mix choice : choices) {
            if (choice.numClasses() != classes) {
                throw tree.error(choice.path(), "num_classes is " + choice.numClasses() + ", the first choice's is "
                        + classes + "; every batch's labels must have the same number of classes");
            }
        }
        List<BatchTransform<LabeledBatch>> transforms = choices.stream().map(Mix::transform).toList();
        if (!options.has("p")) {
            return MixChoice.uniform(transforms);
        }
        try {
            return new MixChoice(transforms, options.getDoubles("p", null));
        } catch (OptionsException e) {
            throw tree.error(e);
        } catch (IllegalArgumentException e) {
            throw tree.error(options.keyPath("p"), e.getMessage(), e);
        }
    }

    /** A mixup or cutmix entry as read: where it is, its classes, and the transform. */
    private record Mix(String path, int numClasses, BatchTransform<LabeledBatch> transform) {
    }

    private static Mix mix(ConfigTree tree, String path, String id, Object value) {
        if (!id.equals("mixup") && !id.equals("cutmix")) {
            throw tree.error(path, "unknown batch transform '" + id + "'; known: mixup, cutmix, random_choice");
        }
        Options options = optionsOf(tree, path, value);
        requireOnly(tree, options, MIX_KEYS);
        if (!options.has("num_classes")) {
            throw tree.error(options.keyPath("num_classes"), "required: the number of classes of the soft labels "
                    + "(class indices must be below it)");
        }
        try {
            double alpha = options.getDouble("alpha", 1.0);
            int numClasses = options.getInt("num_classes", 0);
            double p = options.getDouble("p", 1.0);
            try {
                return new Mix(path, numClasses, id.equals("mixup") ? new MixUp(alpha, numClasses, p)
                        : new CutMix(alpha, numClasses, p));
            } catch (IllegalArgumentException e) {
                String key = e.getMessage().contains(": alpha") ? "alpha" : e.getMessage().contains(": p ")
                        ? "p" : "num_classes";
                throw tree.error(options.keyPath(key), e.getMessage().substring(id.length() + 2), e);
            }
        } catch (OptionsException e) {
            throw tree.error(e);
        }
    }

    private static Map.Entry<String, Object> single(ConfigTree tree, String path, Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> entry = map.entrySet().iterator().next();
            return Map.entry(String.valueOf(entry.getKey()), entry.getValue() == null ? Map.of() : entry.getValue());
        }
        throw tree.error(path, "must be one of mixup, cutmix or random_choice with its options, such as "
                + "{mixup: {alpha: 0.2, num_classes: 10}}, was " + value);
    }

    private static Options optionsOf(ConfigTree tree, String path, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw tree.error(path, "must be a map of options, was " + value);
        }
        return tree.options(path, map);
    }

    private static void requireOnly(ConfigTree tree, Options options, Set<String> known) {
        for (String key : options.keys()) {
            if (!known.contains(key)) {
                throw tree.error(options.keyPath(key), "unknown key; known: " + String.join(", ",
                        new TreeSet<>(known)));
            }
        }
    }
}
