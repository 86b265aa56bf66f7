package dev.sluice.core.dataset;

/**
 * A dataset that can say what it holds, so that a loader's saved state is refused by a loader over
 * other contents ({@code DataLoader.restore}): a dataset whose entries were added, removed,
 * reordered or relabelled since the state was saved would otherwise put other samples at the saved
 * positions, delivering some twice and others never.
 */
public interface ContentDigest {

    /**
     * A digest of what decides the dataset's samples and their order (its entries' sources and
     * labels, in order), as lower-case hexadecimal; equal for equal contents. May read every entry,
     * so a loader asks once.
     */
    String contentDigest();
}
