"""Writes box-fixtures.txt: torchvision v2's box conversions, clamping and SanitizeBoundingBoxes on
float32 boxes, for BoxesAgainstTorchvisionTest. Run once with a torch that has transforms.v2
(torchvision >= 0.16), e.g. a venv made by the shared bench kit's modern_torch_env.sh:
VENV/bin/python make_box_fixtures.py; never by the build.

Each line: a kind, its arguments, then float32 values as their IEEE bit patterns in hex (exact)."""
import struct

import torch
from torchvision import tv_tensors
from torchvision.transforms import v2
from torchvision.transforms.v2 import functional as F

FORMATS = ["XYXY", "XYWH", "CXCYWH"]
gen = torch.Generator().manual_seed(18)


def bits(values):
    return " ".join("%08x" % struct.unpack("<I", struct.pack("<f", float(v)))[0] for v in values)


def random_boxes(n, scale):
    # fractional values, some negative and some beyond the canvas, plus a few exact halves
    boxes = (torch.rand(n, 4, generator=gen) * 1.4 - 0.2) * scale
    boxes[: n // 4] = torch.round(boxes[: n // 4] * 2) / 2
    return boxes.float()


lines = [f"# torch {torch.__version__}, torchvision {__import__('torchvision').__version__}"]
for src in FORMATS:
    for dst in FORMATS:
        boxes = random_boxes(24, 500.0)
        out = F.convert_bounding_box_format(
            tv_tensors.BoundingBoxes(boxes, format=src, canvas_size=(480, 640)), new_format=dst)
        for b, o in zip(boxes, out):
            lines.append(f"convert {src} {dst} {bits(b)} {bits(o)}")

for fmt in FORMATS:
    for h, w in [(480, 640), (37, 53)]:
        boxes = random_boxes(24, float(max(h, w)))
        bb = tv_tensors.BoundingBoxes(boxes, format=fmt, canvas_size=(h, w))
        out = F.clamp_bounding_boxes(bb)
        for b, o in zip(boxes, out):
            lines.append(f"clamp {fmt} {h} {w} {bits(b)} {bits(o)}")

for fmt in FORMATS:
    for min_size, min_area in [(1.0, 1.0), (1.1, 1.0), (3.0, 20.5), (1.0, 7.3)]:
        h, w = 37, 53
        xyxy = random_boxes(40, 60.0)
        # small and sliver boxes near the limits
        xyxy[:20, 2] = xyxy[:20, 0] + torch.tensor([0.0, 0.5, 0.999, 1.0, 1.1, 1.0999999, 3.0, 2.99, 4.0, 5.0] * 2)
        xyxy[:20, 3] = xyxy[:20, 1] + torch.tensor([1.0, 1.0, 1.0, 1.0, 1.1, 1.1, 7.0, 7.0, 5.1, 4.0] * 2)
        boxes = F.convert_bounding_box_format(
            tv_tensors.BoundingBoxes(xyxy, format="XYXY", canvas_size=(h, w)), new_format=fmt)
        labels = torch.arange(40)
        sample = {"boxes": boxes, "labels": labels}
        kept = v2.SanitizeBoundingBoxes(min_size=min_size, min_area=min_area)(sample)["labels"]
        keep = set(kept.tolist())
        for i, b in enumerate(boxes):
            lines.append(f"sanitize {fmt} {h} {w} {min_size!r} {min_area!r} {bits(b)} {1 if i in keep else 0}")

with open("box-fixtures.txt", "w") as out:
    out.write("\n".join(lines) + "\n")
print(len(lines), "lines")
