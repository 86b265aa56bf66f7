package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MemoryTest {

    @Test
    void vmHwmIsReadInKilobytes() throws IOException {
        assertEquals(184_320, Memory.vmHwmKb("Name:\tjava\nVmPeak:\t 5000000 kB\nVmHWM:\t  184320 kB\nVmRSS:\t 1 kB\n"));
    }

    @Test
    void vmRssIsReadInKilobytes() throws IOException {
        assertEquals(1, Memory.statusKb("Name:\tjava\nVmPeak:\t 5000000 kB\nVmHWM:\t  184320 kB\nVmRSS:\t 1 kB\n", "VmRSS"));
    }

    @Test
    void aStatusWithoutVmHwmIsAnErrorNotZero() {
        IOException e = assertThrows(IOException.class, () -> Memory.vmHwmKb("Name:\tjava\nVmRSS:\t 1 kB\n"));
        assertEquals("/proc/self/status has no VmHWM line", e.getMessage());
    }

    @Test
    void thePeakResidentSetOfThisProcessIsAtLeastItsHeapInUse() throws IOException {
        if (!Files.isReadable(Path.of("/proc/self/status"))) {
            assertTrue(Memory.peakRssMb().isEmpty());
            return;
        }
        Memory memory = new Memory();
        memory.sample();
        assertTrue(memory.peakHeapMb() > 0);
        assertTrue(Memory.peakRssMb().getAsDouble() > memory.peakHeapMb() / 2,
                "RSS " + Memory.peakRssMb() + " MB, heap " + memory.peakHeapMb() + " MB");
    }
}
