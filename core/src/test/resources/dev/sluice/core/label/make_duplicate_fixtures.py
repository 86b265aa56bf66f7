"""Writes yolo-duplicates.txt: YOLO label files with duplicate objects, and which lines are left and
in what order once duplicates are removed as Ultralytics' verify_image_label removes them
(ultralytics/data/utils.py: the label rows as float32, a polygon's row being its class and the box of
its extent, then `_, i = np.unique(lb, axis=0, return_index=True)` and `lb = lb[i]` when
`len(i) < nl`), for YoloDuplicatesTest. Run once with numpy (python3 make_duplicate_fixtures.py);
never by the build. Only the steps that decide which rows are left are done here, with numpy's own
np.unique.

Blocks: `case KIND` (box, polygon, pose2 = kpt_shape [2, 2], pose3 = kpt_shape [2, 3]), the file's
lines, then `kept L1 L2 ...`: the 1-based lines left, in Ultralytics' order."""
import random

import numpy as np

rng = random.Random(14)


def extent_row(cls, values):
    xy = np.array(values, dtype=np.float32).reshape(-1, 2)
    x1, y1, x2, y2 = xy[:, 0].min(), xy[:, 1].min(), xy[:, 0].max(), xy[:, 1].max()
    box = np.array([(x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1], dtype=np.float32)
    return np.concatenate([np.array([cls], dtype=np.float32), box])


def kept(kind, lines):
    rows = []
    for line in lines:
        fields = line.split()
        if kind == "polygon":
            rows.append(extent_row(np.float32(fields[0]), [np.float32(v) for v in fields[1:]]))
        else:
            rows.append(np.array(fields, dtype=np.float32))
    lb = np.array(rows, dtype=np.float32)
    _, i = np.unique(lb, axis=0, return_index=True)
    return list(range(len(lines))) if len(i) == len(lines) else [int(x) for x in i]


def value():
    return rng.choice(["0.5", "0.25", "0.1", "0.75", "0.50", "5e-1", "0.3333", "0", "-0.0", "1"])


def line(kind):
    cls = rng.choice(["0", "1", "2", "1.0", "10"])
    if kind == "box":
        return " ".join([cls] + [value() for _ in range(4)])
    if kind == "polygon":
        return " ".join([cls] + [value() for _ in range(2 * rng.choice([3, 4]))])
    dims = 2 if kind == "pose2" else 3
    points = []
    for _ in range(2):
        points += [value(), value()] + ([rng.choice(["0", "1", "2", "2.0"])] if dims == 3 else [])
    return " ".join([cls] + [value() for _ in range(4)] + points)


SAME = {"0.5": "5e-1", "0.50": "0.5", "5e-1": "0.50", "1.0": "1", "1": "1.0", "0": "-0.0", "-0.0": "0",
        "2": "2.0", "2.0": "2"}


def same_values(text):
    """The line with some values written another way that numpy reads as the same float32."""
    return " ".join(SAME.get(v, v) if rng.random() < 0.5 else v for v in text.split())


out = []
for kind in ["box", "polygon", "pose2", "pose3"]:
    for case in range(12):
        lines = [line(kind) for _ in range(rng.randint(1, 6))]
        for _ in range(rng.randint(0, 4)):
            copy = rng.choice(lines)  # a copy somewhere, exact or with values written another way
            lines.insert(rng.randint(0, len(lines)), copy if rng.random() < 0.5 else same_values(copy))
        if kind == "polygon" and case % 3 == 0:
            # another polygon with the same class and box: Ultralytics compares boxes, not outlines
            lines.append(lines[0].split()[0] + " 0 0 1 1 0 1 0.5 0.5")
            lines.append(lines[0].split()[0] + " 0 0 1 1 0.5 0.25")
        out.append("case " + kind)
        out += lines
        out.append("kept " + " ".join(str(i + 1) for i in kept(kind, lines)))
with open("yolo-duplicates.txt", "w") as f:
    f.write("# made by make_duplicate_fixtures.py with numpy " + np.__version__ + "\n" + "\n".join(out) + "\n")
