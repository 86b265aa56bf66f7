"""Writes mask-fixtures.txt: COCO polygons and compressed RLE strings with the masks pycocotools
makes of them (annToMask: frPyObjects, merge, decode), for InstanceMasksTest. Run once with
pycocotools 2.0.11 (python3 make_mask_fixtures.py); never by the build.

Lines: `poly H W RINGS n x y x y ... n x y ... = counts...` with vertices as Python reprs of the
doubles, and `rle H W STRING = counts...`; counts are the mask's column-major run lengths,
starting with a run of 0s."""
import importlib.metadata
import random

import numpy as np
import pycocotools
from pycocotools import mask as coco_mask

rng = random.Random(18)


def runs(m):
    flat = np.asfortranarray(m).flatten(order="F")
    counts, value, length = [], 0, 0
    for pixel in flat:
        if pixel == value:
            length += 1
        else:
            counts.append(length)
            value, length = pixel, 1
    counts.append(length)
    return counts


def vertex(limit):
    v = rng.uniform(-3, limit + 3)
    kind = rng.random()
    if kind < 0.3:
        return round(v, 1)          # one decimal: half of them lie on the 1/5 grid's rounding edge
    if kind < 0.6:
        return round(v, 2)          # COCO's usual two decimals
    if kind < 0.7:
        return float(int(v))
    return v


lines = [f"# pycocotools {importlib.metadata.version('pycocotools')}"]
for case in range(160):
    h, w = rng.randint(1, 40), rng.randint(1, 40)
    rings = []
    for _ in range(1 if case % 3 else rng.randint(2, 3)):
        n = rng.randint(3, 9)
        ring = []
        for _ in range(n):
            ring += [vertex(w), vertex(h)]
        if case % 11 == 0:            # a repeated vertex
            ring[2:2] = ring[0:2]
        rings.append(ring)
    rles = coco_mask.frPyObjects(rings, h, w)
    m = coco_mask.decode(coco_mask.merge(rles))
    text = " ".join(str(len(r)) + " " + " ".join(repr(v) for v in r) for r in rings)
    lines.append(f"poly {h} {w} {len(rings)} {text} = {' '.join(map(str, runs(m)))}")

for case in range(80):
    h, w = rng.randint(1, 60), rng.randint(1, 60)
    density = rng.choice([0.02, 0.3, 0.5, 0.9, 1.0, 0.0])
    m = (np.array([[rng.random() < density for _ in range(w)] for _ in range(h)], dtype=np.uint8))
    if case % 4 == 0:   # blobs: long runs, large deltas
        m[:] = 0
        m[h // 4: 3 * h // 4 + 1, w // 3:] = 1
    rle = coco_mask.encode(np.asfortranarray(m))
    string = rle["counts"].decode("ascii")
    assert " " not in string
    lines.append(f"rle {h} {w} {string} = {' '.join(map(str, runs(m)))}")

with open("mask-fixtures.txt", "w") as out:
    out.write("\n".join(lines) + "\n")
print(len(lines), "lines")
