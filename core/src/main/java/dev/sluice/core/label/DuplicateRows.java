package dev.sluice.core.label;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The duplicate objects of a YOLO label file, found as Ultralytics finds them: its
 * {@code verify_image_label} ({@code ultralytics/data/utils.py}) takes each object's float32 row
 * (class, then the line's values; for a polygon, class and the box of its extent) and, when
 * {@code np.unique(lb, axis=0, return_index=True)} finds fewer unique rows than objects, keeps
 * {@code lb[i]}: the first occurrence of each row, in numpy's sorted order of the rows
 * (lexicographic, by class, then value by value; {@code -0.0} equals {@code 0.0}). A file without
 * duplicates keeps its order.
 */
final class DuplicateRows {
    /** Row order as numpy's sort of a float32 structured view has it: value by value, -0.0 == 0.0. */
    private static final Comparator<float[]> ORDER = (a, b) -> {
        for (int k = 0; k < Math.min(a.length, b.length); k++) {
            if (a[k] < b[k]) {
                return -1;
            }
            if (a[k] > b[k]) {
                return 1;
            }
        }
        return Integer.compare(a.length, b.length);
    };

    private DuplicateRows() {
    }

    /**
     * The objects kept: their indices in {@code rows}, in the order Ultralytics keeps them; all of them
     * in file order when no two rows are equal.
     *
     * @param rows one row per object, no NaN
     */
    static int[] kept(List<float[]> rows) {
        Integer[] sorted = new Integer[rows.size()];
        Arrays.setAll(sorted, i -> i);
        // A stable sort, as numpy's with return_index: of equal rows the first in the file comes first.
        Arrays.sort(sorted, (x, y) -> ORDER.compare(rows.get(x), rows.get(y)));
        int[] kept = new int[sorted.length];
        int count = 0;
        for (int s = 0; s < sorted.length; s++) {
            if (s == 0 || ORDER.compare(rows.get(sorted[s - 1]), rows.get(sorted[s])) != 0) {
                kept[count++] = sorted[s];
            }
        }
        if (count == sorted.length) {
            Arrays.setAll(kept, i -> i);
            return kept;
        }
        return Arrays.copyOf(kept, count);
    }

    /**
     * The first removed object, and the object it repeats: {@code {removed, kept}} indices, or null
     * when {@code kept} holds every row.
     */
    static int[] firstRepeat(List<float[]> rows, int[] kept) {
        if (kept.length == rows.size()) {
            return null;
        }
        boolean[] isKept = new boolean[rows.size()];
        for (int i : kept) {
            isKept[i] = true;
        }
        int removed = 0;
        while (isKept[removed]) {
            removed++;
        }
        int original = 0;
        while (ORDER.compare(rows.get(original), rows.get(removed)) != 0) {
            original++;
        }
        return new int[] {removed, original};
    }

    /** Leaves the elements of {@code list} at {@code kept}, in that order; an empty list stays empty. */
    static <T> void keep(List<T> list, int[] kept) {
        if (list.isEmpty()) {
            return;
        }
        List<T> all = new ArrayList<>(list);
        list.clear();
        for (int i : kept) {
            list.add(all.get(i));
        }
    }
}
