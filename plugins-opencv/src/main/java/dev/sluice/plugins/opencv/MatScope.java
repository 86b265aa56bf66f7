package dev.sluice.plugins.opencv;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;

/**
 * The Mats of one decode or encode call, released together when the call ends, whether it returns
 * or throws. Releasing frees a Mat's pixel memory at once instead of whenever the garbage collector
 * finalizes its Java object, so native memory does not pile up between collections. Confined to
 * one thread.
 */
final class MatScope implements AutoCloseable {
    private final List<Mat> mats = new ArrayList<>(6);

    /** Returns {@code mat}, to be released when this scope closes. */
    <M extends Mat> M track(M mat) {
        mats.add(mat);
        return mat;
    }

    /** A new empty Mat, released when this scope closes. */
    Mat newMat() {
        return track(new Mat());
    }

    @Override
    public void close() {
        for (Mat mat : mats) {
            mat.release();
        }
        mats.clear();
    }
}
