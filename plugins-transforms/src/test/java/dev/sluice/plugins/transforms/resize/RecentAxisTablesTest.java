package dev.sluice.plugins.transforms.resize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RecentAxisTablesTest {

    private static void assertSameTable(AxisTable expected, AxisTable actual, String what) {
        assertEquals(expected.size, actual.size, what + ": size");
        assertEquals(expected.taps, actual.taps, what + ": taps");
        assertArrayEquals(expected.count, actual.count, what + ": counts");
        assertArrayEquals(expected.index, actual.index, what + ": source positions");
        assertArrayEquals(expected.weight, actual.weight, what + ": weights, bit for bit");
    }

    @Test
    void aTableFromTheRecentOnesHasTheBitsOfANewOneForEverySizeAndFilter() {
        Random random = new Random(14);
        for (int i = 0; i < 300; i++) {
            int origin = random.nextInt(3) * random.nextInt(50);
            int source = 1 + random.nextInt(1200);
            int output = 1 + random.nextInt(400);
            boolean bicubic = random.nextBoolean();
            String what = origin + "+" + source + " to " + output + (bicubic ? " bicubic" : " bilinear");
            AxisTable first = RecentAxisTables.torchAntialiased(origin, source, output, bicubic);
            assertSameTable(AxisTables.torchAntialiased(origin, source, output, bicubic), first, what);
            assertSameTable(AxisTables.torchAntialiased(origin, source, output, bicubic),
                    RecentAxisTables.torchAntialiased(origin, source, output, bicubic), what + ", asked again");
        }
    }

    @Test
    void aSizeSeenLastIsReusedAndEachKeyPartTellsTablesApart() {
        AxisTable table = RecentAxisTables.torchAntialiased(0, 500, 341, false);
        assertSame(table, RecentAxisTables.torchAntialiased(0, 500, 341, false));
        assertNotSame(table, RecentAxisTables.torchAntialiased(1, 500, 341, false), "another origin");
        assertNotSame(table, RecentAxisTables.torchAntialiased(0, 501, 341, false), "another source size");
        assertNotSame(table, RecentAxisTables.torchAntialiased(0, 500, 340, false), "another output size");
        assertNotSame(table, RecentAxisTables.torchAntialiased(0, 500, 341, true), "another filter");
    }

    @Test
    void theLeastRecentlyUsedTablesAreDroppedBeyondTheKeptBytes() {
        AxisTable oldest = RecentAxisTables.torchAntialiased(0, 3000, 1000, true);
        AxisTable kept = RecentAxisTables.torchAntialiased(0, 3001, 1000, true);
        // Each of these holds some 100 KB: together far more than the bytes kept.
        for (int source = 4000; source < 4000 + 2 * RecentAxisTables.KEPT_BYTES / 50_000; source++) {
            RecentAxisTables.torchAntialiased(0, source, 1000, true);
            assertSame(kept, RecentAxisTables.torchAntialiased(0, 3001, 1000, true), "used again, so kept");
        }
        assertNotSame(oldest, RecentAxisTables.torchAntialiased(0, 3000, 1000, true), "dropped, built anew");
    }

    @Test
    void eachThreadHasItsOwnRecentTables() throws InterruptedException {
        AxisTable here = RecentAxisTables.torchAntialiased(0, 375, 256, false);
        AtomicReference<AxisTable> there = new AtomicReference<>();
        Thread other = new Thread(() -> there.set(RecentAxisTables.torchAntialiased(0, 375, 256, false)));
        other.start();
        other.join();
        assertNotSame(here, there.get());
        assertSameTable(here, there.get(), "the other thread's table");
    }
}
