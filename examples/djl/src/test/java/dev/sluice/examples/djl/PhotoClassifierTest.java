package dev.sluice.examples.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example, shortened: five epochs of 11 steps instead of thirty. */
class PhotoClassifierTest {

    @Test
    void trainingOnSluiceBatchesLowersTheLossAndBeatsChanceOnHeldOutTiles(@TempDir Path dir) throws Exception {
        TrainingReport report = PhotoClassifier.train(dir, 5, List.of());

        assertEquals(5 * 11, report.steps(), "360 tiles in batches of 32, the short last one dropped");
        double first = report.meanLoss(0, 10);
        double last = report.meanLoss(report.steps() - 10, report.steps());
        assertTrue(last < 0.7 * first, "the loss falls: first ten steps " + first + ", last ten " + last
                + "\n" + report.summary());
        assertTrue(report.finalAccuracy() > 0.6f, "three classes, chance is 1/3; held-out accuracy was "
                + report.finalAccuracy() + "\n" + report.summary());
        assertEquals(0, report.arraysCopied(), "pinned batches reach DJL without a copy");
        assertEquals(2 * (55 + 5 * 3), report.arraysMade(), "inputs and labels of 55 training and 15 validation batches");
    }
}
