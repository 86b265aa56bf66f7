package dev.sluice.examples.djl;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * The example's network: three 3 x 3 convolutions (16, 32 and 64 channels) with batch
 * normalisation and ReLU, the first two followed by 2 x 2 max pooling, then global average
 * pooling and a linear layer to the class scores: about 24 thousand weights, and 90 million
 * multiply-adds forward for a batch of 32 RGB images of 32 x 32.
 *
 * <pre>{@code
 * model.setBlock(SmallCnn.block(3));
 * trainer.initialize(new Shape(32, 3, 32, 32));
 * }</pre>
 */
public final class SmallCnn {
    private SmallCnn() {
    }

    /**
     * A new, uninitialised network for (N, 3, H, W) float inputs, giving (N, {@code classes}) logits.
     *
     * @param classes the number of classes, {@code >= 2}
     * @throws IllegalArgumentException if {@code classes < 2}
     */
    public static Block block(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be >= 2, was " + classes);
        }
        SequentialBlock block = new SequentialBlock();
        stage(block, 16, true);
        stage(block, 32, true);
        stage(block, 64, false);
        return block.add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(classes).build());
    }

    private static void stage(SequentialBlock block, int channels, boolean pool) {
        block.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(channels)
                        .build())
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock());
        if (pool) {
            block.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }
    }
}
