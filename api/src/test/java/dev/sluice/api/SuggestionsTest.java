package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void suggestsTheClosestCandidate() {
        assertEquals(Optional.of("opencv"), Suggestions.closest("opencv2", List.of("imageio", "opencv")));
        assertEquals(Optional.of("batch_size"), Suggestions.closest("batchsize", List.of("shuffle", "batch_size")));
    }

    @Test
    void ignoresCase() {
        assertEquals(Optional.of("opencv"), Suggestions.closest("OpenCV", List.of("imageio", "opencv")));
    }

    @Test
    void suggestsNothingBeyondAThirdOfTheWordsLength() {
        assertEquals(Optional.of("car"), Suggestions.closest("cat", List.of("car")), "1 edit is always allowed");
        assertEquals(Optional.empty(), Suggestions.closest("cat", List.of("cog")));
        assertEquals(Optional.of("imageio"), Suggestions.closest("imagio", List.of("imageio")));
        assertEquals(Optional.of("prefetch_factor"), Suggestions.closest("prefech_facter", List.of("prefetch_factor")));
        assertEquals(Optional.empty(), Suggestions.closest("xyz", List.of("opencv", "imageio")));
    }

    @Test
    void breaksTiesAlphabeticallyWhateverTheCandidateOrder() {
        assertEquals(Optional.of("cat"), Suggestions.closest("bat", List.of("hat", "cat")));
        assertEquals(Optional.of("cat"), Suggestions.closest("bat", List.of("cat", "hat")));
    }

    @Test
    void suggestsNothingWithoutCandidates() {
        assertEquals(Optional.empty(), Suggestions.closest("opencv", List.of()));
    }
}
