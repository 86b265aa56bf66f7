"""Writes mix-fixtures.txt: torchvision v2's MixUp and CutMix with fixed drawn parameters (lambda,
and CutMix's box centre), for MixAgainstTorchvisionTest. Run once with a torch that has
transforms.v2 (torchvision >= 0.16), e.g. a venv made by the shared bench kit's
modern_torch_env.sh: VENV/bin/python make_mix_fixtures.py; never by the build.

The drawn parameters are fixed by replacing the transform's Beta distribution with a constant and
torch.randint (which CutMix calls for x, then y) with the given values; everything else is
torchvision's own code. Each "batch" line is an input: dtype, shape, label kind, num_classes,
images, labels. The lines after it, up to the next "batch", are outputs for that input:
"mixup LAM images labels" and "cutmix LAM RX RY images labels". Floats are IEEE bit patterns in
hex (exact); uint8 images and int64 labels are decimal."""
import struct
from unittest import mock

import torch
import torchvision
from torchvision.transforms import v2

gen = torch.Generator().manual_seed(18)
LAMBDAS = [0.0, 0.2, 0.37, 0.5, 0.8123, 0.999, 1.0]


def bits(tensor):
    return " ".join("%08x" % struct.unpack("<I", struct.pack("<f", float(v)))[0] for v in tensor.flatten().tolist())


def values(tensor):
    if tensor.dtype == torch.float32:
        return bits(tensor)
    return " ".join(str(int(v)) for v in tensor.flatten().tolist())


class Fixed:
    """Stands in for the transform's Beta distribution: always gives lam."""

    def __init__(self, lam):
        self.lam = lam

    def sample(self, shape=()):
        return torch.tensor(self.lam, dtype=torch.float32)


def run(transform, lam, images, labels, randints=()):
    transform._dist = Fixed(lam)
    draws = iter(randints)
    with mock.patch.object(torch, "randint", lambda high, size: torch.tensor([next(draws)])):
        return transform(images, labels)


def batch_line(images, labels, kind, num_classes):
    shape = " ".join(str(d) for d in images.shape)
    return f"batch {str(images.dtype).removeprefix('torch.')} {shape} {kind} {num_classes} | {values(images)} | {values(labels)}"


lines = [f"# torch {torch.__version__}, torchvision {torchvision.__version__}"]
cases = []
images = torch.rand(4, 2, 5, 6, generator=gen) * 2 - 0.5
labels = torch.tensor([0, 3, 1, 4])
cases.append((images, labels, "index", 5))
images = torch.rand(1, 2, 4, 4, generator=gen)
cases.append((images, torch.tensor([2]), "index", 3))
images = torch.rand(3, 1, 6, 9, generator=gen)
soft = torch.softmax(torch.rand(3, 4, generator=gen) * 3, dim=1)
cases.append((images, soft, "probabilities", 4))
for images, labels, kind, num_classes in cases:
    lines.append(batch_line(images, labels, kind, num_classes))
    height, width = images.shape[-2:]
    for lam in LAMBDAS:
        mixed, mixed_labels = run(v2.MixUp(num_classes=num_classes), lam, images, labels)
        lines.append(f"mixup {lam!r} | {bits(mixed)} | {bits(mixed_labels)}")
    for lam, rx, ry in [(0.0, 3, 2), (0.2, 0, 0), (0.37, width - 1, height - 1), (0.5, 1, height // 2),
                        (0.8123, width // 2, 1), (0.999, 2, 2), (1.0, 1, 1)]:
        rx, ry = min(rx, width - 1), min(ry, height - 1)
        mixed, mixed_labels = run(v2.CutMix(num_classes=num_classes), lam, images, labels, (rx, ry))
        lines.append(f"cutmix {lam!r} {rx} {ry} | {bits(mixed)} | {bits(mixed_labels)}")

# CutMix copies pixels of any dtype; MixUp refuses uint8 (RuntimeError), so only CutMix here.
images = torch.randint(0, 256, (3, 3, 6, 8), generator=gen, dtype=torch.uint8)
labels = torch.tensor([1, 0, 1])
lines.append(batch_line(images, labels, "index", 2))
for lam, rx, ry in [(0.3, 4, 3), (0.6, 0, 5), (0.05, 7, 0)]:
    mixed, mixed_labels = run(v2.CutMix(num_classes=2), lam, images, labels, (rx, ry))
    lines.append(f"cutmix {lam!r} {rx} {ry} | {values(mixed)} | {bits(mixed_labels)}")

with open("mix-fixtures.txt", "w") as out:
    out.write("\n".join(lines) + "\n")
