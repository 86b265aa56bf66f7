package dev.sluice.examples.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example, shortened: four epochs of 15 steps instead of twenty. */
class PhotoClassifierTest {

    @Test
    void trainingOnSluiceBatchesLowersTheLossAndBeatsChanceOnHeldOutTiles(@TempDir Path dir) throws Exception {
        TrainingReport report = PhotoClassifier.train(dir, 4, List.of());

        assertEquals(4 * 15, report.steps(), "480 tiles in batches of 32");
        double first = report.meanLoss(0, 10);
        double last = report.meanLoss(report.steps() - 10, report.steps());
        assertTrue(last < 0.7 * first, "the loss falls: first ten steps " + first + ", last ten " + last
                + "\n" + report.summary());
        assertTrue(report.untrainedAccuracy() < 0.5f, "the initial weights know nothing: " + report.summary());
        assertTrue(report.finalAccuracy() > 0.5f, "four classes, chance is 1/4; held-out accuracy was "
                + report.finalAccuracy() + "\n" + report.summary());
        assertEquals(0, report.arraysCopied(), "pinned batches reach DJL without a copy");
        assertEquals(2 * (60 + 5 * 4), report.arraysMade(),
                "inputs and labels of 60 training batches and 5 validation passes of 4 (before training and after each epoch)");
    }
}
