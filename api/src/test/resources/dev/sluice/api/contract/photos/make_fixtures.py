#!/usr/bin/python3
"""Makes the real-photograph fixtures of the decoder contract, and their cv2.imread references.

usage: /usr/bin/python3 make_fixtures.py PHOTO_DIR
       (PHOTO_DIR holds LadyBird.jpg, Dune.jpg and FreshFlower.jpg from Debian's mate-backgrounds;
       see README.md beside this script)

Run once; the outputs are committed. Each photograph is cropped and shrunk (area averaging) to a
67 x 49 tile (odd sizes: partial JPEG blocks and MCUs at the edges), and written by PIL 9.4 or
OpenCV 4.6 in the formats below. Each input is then decoded by cv2.imread (Debian's
python3-opencv 4.6, libjpeg-turbo 2.1) and the pixels are stored in Sluice's layout (RGB order,
grey + alpha as two channels; uint16 where IMREAD_UNCHANGED keeps 16 bits) as .npy files. cv2 4.6 reads no
GIF, so the GIF's reference is PIL's decode, checked here to equal cv2's decode of the same
palette image as PNG. Identical references are stored once.

references.tsv lists, per line: input, format, mode (rgb, gray, unchanged), reduce (1, 2, 4, 8),
kind (exact, jpeg, jpeg-reduced, png-gray, narrowed, webp-lossy: which bound of the contract applies), reference
file, and where the reference comes from.
"""
import hashlib, io, os, sys
import cv2
import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
SIZE = (67, 49)
# (x, y, w, h) in the original photographs, shrunk to SIZE.
CROPS = {
    "ladybird": ("LadyBird.jpg", (1600, 700, 320, 234)),
    "dune": ("Dune.jpg", (500, 300, 320, 234)),
    "flower": ("FreshFlower.jpg", (300, 250, 640, 468)),
}


def tile(photos, name, scale=1):
    file, (x, y, w, h) = CROPS[name]
    rgb = np.asarray(Image.open(os.path.join(photos, file)).convert("RGB"))[y:y + h, x:x + w]
    size = (SIZE[0] * scale, SIZE[1] * scale)
    return cv2.resize(rgb.astype(np.float32), size, interpolation=cv2.INTER_AREA)


def u8(values):
    return np.clip(np.rint(values), 0, 255).astype(np.uint8)


def write_inputs(photos):
    ladybird, dune, flower = (u8(tile(photos, n)) for n in ("ladybird", "dune", "flower"))
    inputs = {}

    def pil(name, image, **params):
        buffer = io.BytesIO()
        image.save(buffer, **params)
        inputs[name] = buffer.getvalue()

    pil("ladybird-q90-420.jpg", Image.fromarray(ladybird), format="JPEG", quality=90, subsampling=2)
    pil("dune-q95-444.jpg", Image.fromarray(dune), format="JPEG", quality=95, subsampling=0)
    pil("dune-q85-422.jpg", Image.fromarray(dune), format="JPEG", quality=85, subsampling=1)
    pil("flower-progressive.jpg", Image.fromarray(flower), format="JPEG", quality=90, progressive=True)
    pil("ladybird-grey.jpg", Image.fromarray(ladybird).convert("L"), format="JPEG", quality=90)
    # A CMYK JPEG with real black: K = 255 - max(R, G, B). PIL writes it Adobe-inverted, as Photoshop does.
    rgb = ladybird.astype(np.float64)
    k = 255 - rgb.max(axis=2)
    cmy = np.where(k[..., None] < 255, (255 - rgb - k[..., None]) * 255 / np.maximum(255 - k[..., None], 1), 0)
    pil("ladybird-cmyk.jpg", Image.fromarray(u8(np.dstack([cmy, k])), "CMYK"), format="JPEG", quality=90)
    exif = Image.Exif()
    exif[0x0112] = 6
    pil("dune-exif6.jpg", Image.fromarray(dune), format="JPEG", quality=90, exif=exif.tobytes())

    pil("ladybird.png", Image.fromarray(ladybird), format="PNG")
    pil("ladybird.bmp", Image.fromarray(ladybird), format="BMP")
    pil("ladybird.tif", Image.fromarray(ladybird), format="TIFF", compression="tiff_lzw")
    pil("ladybird-lossless.webp", Image.fromarray(ladybird), format="WEBP", lossless=True)
    palette = Image.fromarray(ladybird).quantize(colors=255, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    pil("ladybird-palette.png", palette, format="PNG")
    pil("ladybird.gif", palette, format="GIF")
    alpha = u8(np.fromfunction(lambda y, x: 255 - 255 * ((x - 33) ** 2 + (y - 24) ** 2) / 1700, (SIZE[1], SIZE[0])))
    alpha[10:20, 40:55] = 0
    pil("flower-rgba.png", Image.fromarray(np.dstack([flower, alpha]), "RGBA"), format="PNG")
    grey = np.asarray(Image.fromarray(ladybird).convert("L"))
    pil("ladybird-grey-alpha.png", Image.fromarray(np.dstack([grey, alpha]), "LA"), format="PNG")
    # 16 bits with real low bytes: the area average of a tile twice the size, scaled to 0..65535.
    fine = cv2.resize(tile(photos, "dune", scale=2), SIZE, interpolation=cv2.INTER_AREA)
    sixteen = np.clip(np.rint(fine * 257), 0, 65535).astype(np.uint16)
    inputs["dune-16bit.png"] = cv2.imencode(".png", cv2.cvtColor(sixteen, cv2.COLOR_RGB2BGR))[1].tobytes()
    inputs["dune-16bit.tif"] = cv2.imencode(".tif", cv2.cvtColor(sixteen, cv2.COLOR_RGB2BGR))[1].tobytes()
    grey16 = np.clip(np.rint(cv2.cvtColor(fine, cv2.COLOR_RGB2GRAY) * 257), 0, 65535).astype(np.uint16)
    inputs["dune-grey-16bit.png"] = cv2.imencode(".png", grey16)[1].tobytes()
    pil("dune-q80.webp", Image.fromarray(dune), format="WEBP", quality=80)
    for name, data in inputs.items():
        with open(os.path.join(HERE, name), "wb") as out:
            out.write(data)
    return inputs


def cv2_decode(name, mode, reduce):
    flags = {"rgb": cv2.IMREAD_COLOR, "gray": cv2.IMREAD_GRAYSCALE, "unchanged": cv2.IMREAD_UNCHANGED}[mode]
    if reduce > 1:
        flags = {(2, "rgb"): cv2.IMREAD_REDUCED_COLOR_2, (4, "rgb"): cv2.IMREAD_REDUCED_COLOR_4,
                 (8, "rgb"): cv2.IMREAD_REDUCED_COLOR_8, (2, "gray"): cv2.IMREAD_REDUCED_GRAYSCALE_2}[(reduce, mode)]
    decoded = cv2.imread(os.path.join(HERE, name), flags)
    assert decoded is not None, name
    if decoded.ndim == 3 and decoded.shape[2] == 3:
        decoded = cv2.cvtColor(decoded, cv2.COLOR_BGR2RGB)
    elif decoded.ndim == 3 and decoded.shape[2] == 4:
        decoded = cv2.cvtColor(decoded, cv2.COLOR_BGRA2RGBA)
        if name.endswith("grey-alpha.png"):
            decoded = decoded[..., [0, 3]]  # cv2 expands grey + alpha to four channels; Sluice keeps two
    return np.ascontiguousarray(decoded)


def pil_rgb(name):
    image = Image.open(os.path.join(HERE, name))
    image.seek(0)
    return np.asarray(image.convert("RGB"))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    write_inputs(sys.argv[1])
    lines = [
        # input, format, mode, reduce, kind
        ("ladybird-q90-420.jpg", "jpeg", "rgb", 1, "jpeg"),
        ("ladybird-q90-420.jpg", "jpeg", "gray", 1, "jpeg"),
        ("ladybird-q90-420.jpg", "jpeg", "rgb", 2, "jpeg-reduced"),
        ("ladybird-q90-420.jpg", "jpeg", "rgb", 4, "jpeg-reduced"),
        ("ladybird-q90-420.jpg", "jpeg", "rgb", 8, "jpeg-reduced"),
        ("dune-q95-444.jpg", "jpeg", "rgb", 1, "jpeg"),
        ("dune-q85-422.jpg", "jpeg", "rgb", 1, "jpeg"),
        ("flower-progressive.jpg", "jpeg", "rgb", 1, "jpeg"),
        ("flower-progressive.jpg", "jpeg", "rgb", 2, "jpeg-reduced"),
        ("ladybird-grey.jpg", "jpeg", "rgb", 1, "jpeg"),
        ("ladybird-grey.jpg", "jpeg", "gray", 2, "jpeg-reduced"),
        ("ladybird-cmyk.jpg", "jpeg", "rgb", 1, "jpeg"),
        ("dune-exif6.jpg", "jpeg", "rgb", 1, "jpeg"),
        ("ladybird.png", "png", "rgb", 1, "exact"),
        ("ladybird.png", "png", "gray", 1, "png-gray"),
        ("ladybird.bmp", "bmp", "rgb", 1, "exact"),
        ("ladybird.tif", "tiff", "rgb", 1, "exact"),
        ("ladybird-lossless.webp", "webp", "rgb", 1, "exact"),
        ("ladybird-palette.png", "png", "rgb", 1, "exact"),
        ("ladybird.gif", "gif", "rgb", 1, "exact"),
        ("flower-rgba.png", "png", "unchanged", 1, "exact"),
        ("flower-rgba.png", "png", "rgb", 1, "exact"),
        ("ladybird-grey-alpha.png", "png", "unchanged", 1, "exact"),
        ("dune-16bit.png", "png", "unchanged", 1, "exact"),
        ("dune-16bit.png", "png", "rgb", 1, "narrowed"),
        ("dune-16bit.tif", "tiff", "unchanged", 1, "exact"),
        ("dune-16bit.tif", "tiff", "rgb", 1, "narrowed"),
        ("dune-grey-16bit.png", "png", "unchanged", 1, "exact"),
        ("dune-grey-16bit.png", "png", "rgb", 1, "narrowed"),
        ("dune-grey-16bit.png", "png", "gray", 1, "narrowed"),
        ("dune-q80.webp", "webp", "rgb", 1, "webp-lossy"),
    ]
    stored = {}
    rows = []
    for name, fmt, mode, reduce, kind in lines:
        if fmt == "gif":
            reference, source = pil_rgb(name), "PIL 9.4 (cv2 4.6 reads no GIF)"
            assert np.array_equal(reference, cv2_decode("ladybird-palette.png", "rgb", 1)), "GIF and palette PNG differ"
        else:
            reference, source = cv2_decode(name, mode, reduce), "cv2 4.6 imread"
        digest = hashlib.sha256(reference.tobytes() + str(reference.shape).encode()).hexdigest()
        if digest not in stored:
            base = name.rsplit(".", 1)[0]
            stored[digest] = "%s.%s%s.npy" % (base, mode, "" if reduce == 1 else "-reduce%d" % reduce)
            np.save(os.path.join(HERE, stored[digest]), reference)
        rows.append("\t".join([name, fmt, mode, str(reduce), kind, stored[digest], source]))
    with open(os.path.join(HERE, "references.tsv"), "w") as out:
        out.write("# input\tformat\tmode\treduce\tkind\treference\treference from (made by make_fixtures.py)\n")
        out.write("\n".join(rows) + "\n")
    print("%d inputs, %d references" % (len(set(r.split("\t")[0] for r in rows)), len(stored)))


main()
