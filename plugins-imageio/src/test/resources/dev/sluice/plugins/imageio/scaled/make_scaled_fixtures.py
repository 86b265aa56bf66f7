#!/usr/bin/python3
"""Makes the fixtures of ScaledJpegTest: JPEGs of every sampling the imageio backend's scaled decode
handles, and what libjpeg-turbo decodes them to at 1/2, 1/4 and 1/8.

usage: /usr/bin/python3 make_scaled_fixtures.py PHOTO_DIR
       (PHOTO_DIR holds LadyBird.jpg and Dune.jpg from Debian's mate-backgrounds, as the decoder
       contract's photographs: see api/src/test/resources/dev/sluice/api/contract/photos/README.md)

Run once; the outputs are committed. A 150 x 113 crop of each photograph (odd sizes: partial
blocks and MCUs at the right and bottom edges) is written as JPEG by the JDK's writer through
WriteSampledJpeg.java (4:2:0, 4:2:2, 4:4:0, 4:4:4, grey; some with restart intervals) and by
OpenCV 4.6 (4:2:0 with a restart interval, as libjpeg writes it). Each is then decoded by
cv2.imread (Debian's python3-opencv 4.6, libjpeg-turbo 2.1) with IMREAD_REDUCED_COLOR_2/4/8 and
IMREAD_REDUCED_GRAYSCALE_2/4/8, and the samples are stored raw (RGB order, or grey), gzipped.

references.tsv lists, per line: input, mode (rgb, gray), reduce, width, height, channels, reference.
"""
import gzip, os, subprocess, sys
import cv2
import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
CROPS = {"ladybird": ("LadyBird.jpg", (1500, 650)), "dune": ("Dune.jpg", (700, 400))}
SIZE = (150, 113)
# name: (tile, quality, luma h, luma v, restart interval in MCUs, grey)
JDK = {
    "ladybird-420-rst5.jpg": ("ladybird", 90, 2, 2, 5, False),
    "ladybird-422.jpg": ("ladybird", 85, 2, 1, 0, False),
    "dune-440-rst3.jpg": ("dune", 90, 1, 2, 3, False),
    "dune-444.jpg": ("dune", 95, 1, 1, 0, False),
    "dune-grey-rst7.jpg": ("dune", 90, 1, 1, 7, True),
}
FLAGS = {
    ("rgb", 2): cv2.IMREAD_REDUCED_COLOR_2, ("rgb", 4): cv2.IMREAD_REDUCED_COLOR_4, ("rgb", 8): cv2.IMREAD_REDUCED_COLOR_8,
    ("gray", 2): cv2.IMREAD_REDUCED_GRAYSCALE_2, ("gray", 4): cv2.IMREAD_REDUCED_GRAYSCALE_4,
    ("gray", 8): cv2.IMREAD_REDUCED_GRAYSCALE_8,
}


def tile(photos, name, grey=False):
    file, (x, y) = CROPS[name]
    image = Image.open(os.path.join(photos, file)).convert("RGB").crop((x, y, x + SIZE[0], y + SIZE[1]))
    return image.convert("L") if grey else image


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    inputs = []
    for name, (source, quality, h, v, restart, grey) in JDK.items():
        png = os.path.join(HERE, "tile.png")
        tile(sys.argv[1], source, grey).save(png)
        subprocess.run(["java", os.path.join(HERE, "WriteSampledJpeg.java"), png, os.path.join(HERE, name),
                        str(quality), str(h), str(v), str(restart)], check=True)
        os.remove(png)
        inputs.append(name)
    bgr = cv2.cvtColor(np.asarray(tile(sys.argv[1], "ladybird")), cv2.COLOR_RGB2BGR)
    ok, data = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, 80, cv2.IMWRITE_JPEG_RST_INTERVAL, 2])
    assert ok
    with open(os.path.join(HERE, "ladybird-420-rst2-libjpeg.jpg"), "wb") as out:
        out.write(data.tobytes())
    inputs.append("ladybird-420-rst2-libjpeg.jpg")
    lines = ["# input\tmode\treduce\twidth\theight\tchannels\treference (made by make_scaled_fixtures.py)"]
    for name in inputs:
        for mode in ("rgb", "gray"):
            for reduce in (2, 4, 8):
                decoded = cv2.imread(os.path.join(HERE, name), FLAGS[(mode, reduce)])
                if decoded.ndim == 3:
                    decoded = cv2.cvtColor(decoded, cv2.COLOR_BGR2RGB)
                channels = 1 if decoded.ndim == 2 else decoded.shape[2]
                reference = "%s.%s-reduce%d.raw.gz" % (name[:-4], mode, reduce)
                with gzip.GzipFile(os.path.join(HERE, reference), "wb", mtime=0) as out:
                    out.write(np.ascontiguousarray(decoded).tobytes())
                lines.append("\t".join([name, mode, str(reduce), str(decoded.shape[1]), str(decoded.shape[0]),
                                        str(channels), reference]))
    with open(os.path.join(HERE, "references.tsv"), "w") as out:
        out.write("\n".join(lines) + "\n")


main()
