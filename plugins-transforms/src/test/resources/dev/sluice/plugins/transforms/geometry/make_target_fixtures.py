"""Writes target-fixtures.txt: how torchvision v2's geometric kernels move boxes, key points and masks
for given parameters, for TargetsAgainstTorchvisionTest. Run once with a torch that has
transforms.v2 and KeyPoints (torchvision >= 0.23), e.g. a venv made by the shared bench kit's
modern_torch_env.sh: VENV/bin/python make_target_fixtures.py; never by the build.

Each line: "boxes", "points" or "mask", an op and its parameters as key=value (no spaces), the canvas
HxW, then the input and the output: float32 values as IEEE bit patterns in hex (exact), masks as
their values (0 to 15) as one hex digit each, row after row; the output canvas last."""
import struct

import torch
from torchvision import tv_tensors
from torchvision.transforms.v2 import functional as F

gen = torch.Generator().manual_seed(1818)
H, W = 19, 23
FORMATS = ["XYXY", "XYWH", "CXCYWH"]


def bits(values):
    return ",".join("%08x" % struct.unpack("<I", struct.pack("<f", float(v)))[0] for v in values)


def hexmask(mask):
    return "".join("%x" % int(v) for v in mask.flatten().tolist())


def boxes_xyxy(n):
    x1 = torch.rand(n, generator=gen) * W * 1.1 - 3
    y1 = torch.rand(n, generator=gen) * H * 1.1 - 3
    w = torch.rand(n, generator=gen) * 12 + 0.25
    h = torch.rand(n, generator=gen) * 10 + 0.25
    out = torch.stack([x1, y1, x1 + w, y1 + h], dim=1)
    out[: n // 3] = torch.round(out[: n // 3])
    return out.float()


BOXES = {fmt: F.convert_bounding_box_format(
    tv_tensors.BoundingBoxes(boxes_xyxy(9), format="XYXY", canvas_size=(H, W)), new_format=fmt) for fmt in FORMATS}
POINTS = torch.cat([torch.rand(10, 1, generator=gen) * W, torch.rand(10, 1, generator=gen) * H], dim=1).float()
POINTS[:5] = torch.round(POINTS[:5])
MASK = torch.randint(0, 6, (H, W), generator=gen, dtype=torch.uint8)

# op name, parameters as written in the fixture, the functional call
OPS = [
    ("horizontal_flip", "", lambda x: F.horizontal_flip(x)),
    ("vertical_flip", "", lambda x: F.vertical_flip(x)),
    ("resize", "h=12,w=15", lambda x: F.resize(x, [12, 15])),
    ("resize", "h=40,w=50", lambda x: F.resize(x, [40, 50])),
    ("resize", "size=14", lambda x: F.resize(x, [14])),
    ("resize", "size=30,max_size=35", lambda x: F.resize(x, [30], max_size=35)),
    ("center_crop", "h=10,w=15", lambda x: F.center_crop(x, [10, 15])),
    ("center_crop", "h=40,w=60", lambda x: F.center_crop(x, [40, 60])),
    ("center_crop", "h=22,w=20", lambda x: F.center_crop(x, [22, 20])),
    ("crop", "top=5,left=7,h=10,w=12", lambda x: F.crop(x, 5, 7, 10, 12)),
    ("crop", "top=0,left=0,h=19,w=23", lambda x: F.crop(x, 0, 0, 19, 23)),
    ("pad", "left=3,top=4,right=5,bottom=6,fill=0", lambda x: F.pad(x, [3, 4, 5, 6], fill=0)),
    ("pad", "left=2,top=0,right=0,bottom=1,fill=7", lambda x: F.pad(x, [2, 0, 0, 1], fill=7)),
    ("resized_crop", "top=4,left=6,h=11,w=14,oh=24,ow=24",
     lambda x: F.resized_crop(x, 4, 6, 11, 14, [24, 24])),
    ("resized_crop", "top=10,left=3,h=8,w=11,oh=30,ow=20",
     lambda x: F.resized_crop(x, 10, 3, 8, 11, [30, 20])),
]
for angle in [17.0, -33.5, 90.0]:
    for expand in [False, True]:
        for center in [None, [5.0, 7.0]]:
            params = "angle=%r,expand=%d,center=%s" % (angle, expand, "none" if center is None else "5:7")
            OPS.append(("rotate", params, lambda x, a=angle, e=expand, c=center: F.rotate(x, a, expand=e, center=c)))

# affine and perspective (wt-warp): the kernels behind random_affine and random_perspective.
for angle, tx, ty, scale, shx, shy, center in [(25.0, 7, -4, 1.2, 10.0, -5.0, None),
                                                (-40.5, -3, 2, 0.8, 0.0, 12.0, [5.0, 7.0]),
                                                (0.0, 0, 0, 1.0, 16.69924423399362, 0.0, [0.0, 0.0])]:
    params = "angle=%r,tx=%d,ty=%d,scale=%r,shx=%r,shy=%r,center=%s" % (
        angle, tx, ty, scale, shx, shy, "none" if center is None else "%d:%d" % tuple(center))
    OPS.append(("affine", params, lambda x, a=angle, t=[tx, ty], s=scale, sh=[shx, shy], c=center:
                F.affine(x, a, t, s, sh, center=c)))
for end in [[[2, 1], [20, 0], [22, 17], [1, 16]], [[4, 3], [18, 2], [21, 18], [0, 14]]]:
    start = [[0, 0], [W - 1, 0], [W - 1, H - 1], [0, H - 1]]
    params = "end=" + ":".join("%d:%d" % tuple(p) for p in end)
    OPS.append(("perspective", params, lambda x, s=start, e=end: F.perspective(x, s, e)))

lines = [f"# torch {torch.__version__}, torchvision {__import__('torchvision').__version__}; canvas {H}x{W}"]
for name, params, op in OPS:
    for fmt in FORMATS:
        bb = BOXES[fmt]
        out = op(bb)
        oh, ow = out.canvas_size
        lines.append(f"boxes {name} {params or '-'} {fmt} {H}x{W} {bits(bb.flatten())} {bits(out.flatten())} {oh}x{ow}")
    kp = tv_tensors.KeyPoints(POINTS, canvas_size=(H, W))
    out = op(kp)
    oh, ow = out.canvas_size
    lines.append(f"points {name} {params or '-'} - {H}x{W} {bits(POINTS.flatten())} {bits(out.flatten())} {oh}x{ow}")
    out = op(tv_tensors.Mask(MASK))
    lines.append(f"mask {name} {params or '-'} - {H}x{W} {hexmask(MASK)} {hexmask(out)} {out.shape[-2]}x{out.shape[-1]}")

for mode in ["edge", "reflect", "symmetric"]:
    out = F.pad(tv_tensors.Mask(MASK), [3, 4, 5, 6], padding_mode=mode)
    lines.append(f"mask pad left=3,top=4,right=5,bottom=6,mode={mode} - {H}x{W} {hexmask(MASK)} {hexmask(out)} "
                 f"{out.shape[-2]}x{out.shape[-1]}")
out = F.rotate(tv_tensors.Mask(MASK), 25.0, fill=4)
lines.append(f"mask rotate angle=25.0,expand=0,center=none,fill=4 - {H}x{W} {hexmask(MASK)} {hexmask(out)} "
             f"{out.shape[-2]}x{out.shape[-1]}")

with open("target-fixtures.txt", "w") as f:
    f.write("\n".join(lines) + "\n")
print(len(lines), "lines")
