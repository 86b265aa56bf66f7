package dev.sluice.plugins.transforms.augment;

import java.util.List;
import java.util.Locale;

/**
 * The learned policies of {@link AutoAugment}: 25 sub-policies each, every sub-policy two ops with
 * the probability of applying each and its magnitude bin (of 10), as published with AutoAugment and
 * as torchvision's {@code AutoAugmentPolicy} lists them.
 */
public enum AutoAugmentPolicy {
    IMAGENET("imagenet", List.of(
            sub(op("Posterize", 0.4, 8), op("Rotate", 0.6, 9)),
            sub(op("Solarize", 0.6, 5), op("AutoContrast", 0.6, -1)),
            sub(op("Equalize", 0.8, -1), op("Equalize", 0.6, -1)),
            sub(op("Posterize", 0.6, 7), op("Posterize", 0.6, 6)),
            sub(op("Equalize", 0.4, -1), op("Solarize", 0.2, 4)),
            sub(op("Equalize", 0.4, -1), op("Rotate", 0.8, 8)),
            sub(op("Solarize", 0.6, 3), op("Equalize", 0.6, -1)),
            sub(op("Posterize", 0.8, 5), op("Equalize", 1.0, -1)),
            sub(op("Rotate", 0.2, 3), op("Solarize", 0.6, 8)),
            sub(op("Equalize", 0.6, -1), op("Posterize", 0.4, 6)),
            sub(op("Rotate", 0.8, 8), op("Color", 0.4, 0)),
            sub(op("Rotate", 0.4, 9), op("Equalize", 0.6, -1)),
            sub(op("Equalize", 0.0, -1), op("Equalize", 0.8, -1)),
            sub(op("Invert", 0.6, -1), op("Equalize", 1.0, -1)),
            sub(op("Color", 0.6, 4), op("Contrast", 1.0, 8)),
            sub(op("Rotate", 0.8, 8), op("Color", 1.0, 2)),
            sub(op("Color", 0.8, 8), op("Solarize", 0.8, 7)),
            sub(op("Sharpness", 0.4, 7), op("Invert", 0.6, -1)),
            sub(op("ShearX", 0.6, 5), op("Equalize", 1.0, -1)),
            sub(op("Color", 0.4, 0), op("Equalize", 0.6, -1)),
            sub(op("Equalize", 0.4, -1), op("Solarize", 0.2, 4)),
            sub(op("Solarize", 0.6, 5), op("AutoContrast", 0.6, -1)),
            sub(op("Invert", 0.6, -1), op("Equalize", 1.0, -1)),
            sub(op("Color", 0.6, 4), op("Contrast", 1.0, 8)),
            sub(op("Equalize", 0.8, -1), op("Equalize", 0.6, -1)))),
    CIFAR10("cifar10", List.of(
            sub(op("Invert", 0.1, -1), op("Contrast", 0.2, 6)),
            sub(op("Rotate", 0.7, 2), op("TranslateX", 0.3, 9)),
            sub(op("Sharpness", 0.8, 1), op("Sharpness", 0.9, 3)),
            sub(op("ShearY", 0.5, 8), op("TranslateY", 0.7, 9)),
            sub(op("AutoContrast", 0.5, -1), op("Equalize", 0.9, -1)),
            sub(op("ShearY", 0.2, 7), op("Posterize", 0.3, 7)),
            sub(op("Color", 0.4, 3), op("Brightness", 0.6, 7)),
            sub(op("Sharpness", 0.3, 9), op("Brightness", 0.7, 9)),
            sub(op("Equalize", 0.6, -1), op("Equalize", 0.5, -1)),
            sub(op("Contrast", 0.6, 7), op("Sharpness", 0.6, 5)),
            sub(op("Color", 0.7, 7), op("TranslateX", 0.5, 8)),
            sub(op("Equalize", 0.3, -1), op("AutoContrast", 0.4, -1)),
            sub(op("TranslateY", 0.4, 3), op("Sharpness", 0.2, 6)),
            sub(op("Brightness", 0.9, 6), op("Color", 0.2, 8)),
            sub(op("Solarize", 0.5, 2), op("Invert", 0.0, -1)),
            sub(op("Equalize", 0.2, -1), op("AutoContrast", 0.6, -1)),
            sub(op("Equalize", 0.2, -1), op("Equalize", 0.6, -1)),
            sub(op("Color", 0.9, 9), op("Equalize", 0.6, -1)),
            sub(op("AutoContrast", 0.8, -1), op("Solarize", 0.2, 8)),
            sub(op("Brightness", 0.1, 3), op("Color", 0.7, 0)),
            sub(op("Solarize", 0.4, 5), op("AutoContrast", 0.9, -1)),
            sub(op("TranslateY", 0.9, 9), op("TranslateY", 0.7, 9)),
            sub(op("AutoContrast", 0.9, -1), op("Solarize", 0.8, 3)),
            sub(op("Equalize", 0.8, -1), op("Invert", 0.1, -1)),
            sub(op("TranslateY", 0.7, 9), op("AutoContrast", 0.9, -1)))),
    SVHN("svhn", List.of(
            sub(op("ShearX", 0.9, 4), op("Invert", 0.2, -1)),
            sub(op("ShearY", 0.9, 8), op("Invert", 0.7, -1)),
            sub(op("Equalize", 0.6, -1), op("Solarize", 0.6, 6)),
            sub(op("Invert", 0.9, -1), op("Equalize", 0.6, -1)),
            sub(op("Equalize", 0.6, -1), op("Rotate", 0.9, 3)),
            sub(op("ShearX", 0.9, 4), op("AutoContrast", 0.8, -1)),
            sub(op("ShearY", 0.9, 8), op("Invert", 0.4, -1)),
            sub(op("ShearY", 0.9, 5), op("Solarize", 0.2, 6)),
            sub(op("Invert", 0.9, -1), op("AutoContrast", 0.8, -1)),
            sub(op("Equalize", 0.6, -1), op("Rotate", 0.9, 3)),
            sub(op("ShearX", 0.9, 4), op("Solarize", 0.3, 3)),
            sub(op("ShearY", 0.8, 8), op("Invert", 0.7, -1)),
            sub(op("Equalize", 0.9, -1), op("TranslateY", 0.6, 6)),
            sub(op("Invert", 0.9, -1), op("Equalize", 0.6, -1)),
            sub(op("Contrast", 0.3, 3), op("Rotate", 0.8, 4)),
            sub(op("Invert", 0.8, -1), op("TranslateY", 0.0, 2)),
            sub(op("ShearY", 0.7, 6), op("Solarize", 0.4, 8)),
            sub(op("Invert", 0.6, -1), op("Rotate", 0.8, 4)),
            sub(op("ShearY", 0.3, 7), op("TranslateX", 0.9, 3)),
            sub(op("ShearX", 0.1, 6), op("Invert", 0.6, -1)),
            sub(op("Solarize", 0.7, 2), op("TranslateY", 0.6, 7)),
            sub(op("ShearY", 0.8, 4), op("Invert", 0.8, -1)),
            sub(op("ShearX", 0.7, 9), op("TranslateY", 0.8, 3)),
            sub(op("ShearY", 0.8, 5), op("AutoContrast", 0.7, -1)),
            sub(op("ShearX", 0.7, 2), op("Invert", 0.1, -1))));

    /** One op of a sub-policy: applied with probability {@code p}, at bin {@code bin} (-1 when it has no magnitude). */
    record PolicyOp(AugmentOp op, double p, int bin) {
    }

    /** Two ops, applied in order, each with its own probability. */
    record SubPolicy(PolicyOp first, PolicyOp second) {
    }

    private final String id;
    private final List<SubPolicy> subPolicies;

    AutoAugmentPolicy(String id, List<SubPolicy> subPolicies) {
        this.id = id;
        this.subPolicies = subPolicies;
    }

    /** The word used in configuration: {@code imagenet}, {@code cifar10} or {@code svhn}. */
    public String id() {
        return id;
    }

    List<SubPolicy> subPolicies() {
        return subPolicies;
    }

    /**
     * The policy whose {@link #id()} is {@code word}, ignoring case.
     *
     * @throws IllegalArgumentException naming the known words when none matches
     */
    public static AutoAugmentPolicy of(String word) {
        for (AutoAugmentPolicy policy : values()) {
            if (policy.id.equals(word.toLowerCase(Locale.ROOT))) {
                return policy;
            }
        }
        throw new IllegalArgumentException("policy must be one of imagenet, cifar10, svhn, was '" + word + "'");
    }

    private static SubPolicy sub(PolicyOp first, PolicyOp second) {
        return new SubPolicy(first, second);
    }

    private static PolicyOp op(String name, double p, int bin) {
        return new PolicyOp(AugmentOp.named(name), p, bin);
    }
}
