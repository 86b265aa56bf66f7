"""Writes ids.json, a COCO file whose ids are numbers and strings that look alike, and
ids-pycocotools.txt, the annotations pycocotools gives each of its images, for CocoIdsTest.
Run once with pycocotools 2.0.11 (python3 make_id_fixtures.py); never by the build.

pycocotools keys its index by the JSON values (COCO.createIndex: imgs[img['id']],
imgToAnns[ann['image_id']], cats[cat['id']]), so 1 and "1" are two images, 7.0 and 7 one, and
"\\u00e9t\\u00e9" is the same string as "été". The expected lines are asked with lists of ids
(getAnnIds(imgIds=[id]), loadCats([id])): given a lone string, getAnnIds and loadImgs take it as the
list of its characters (_isArrayLike), which is why torchvision's CocoDetection, which passes the lone
id, fails on string ids longer than one character.

Lines: `file_name: category_name x y w h; category_name x y w h; ...` per image, in file order."""
import contextlib
import importlib.metadata
import io
import json
import os

from pycocotools.coco import COCO

here = os.path.dirname(os.path.abspath(__file__))
text = r'''{"images": [
{"id": 1, "file_name": "one-number.png", "height": 40, "width": 60},
{"id": "1", "file_name": "one-string.png", "height": 40, "width": 60},
{"id": 7.0, "file_name": "seven.png", "height": 40, "width": 60},
{"id": "\u00e9t\u00e9", "file_name": "summer.png", "height": 40, "width": 60},
{"id": "img_0017", "file_name": "seventeen.png", "height": 40, "width": 60},
{"id": "", "file_name": "empty-id.png", "height": 40, "width": 60}],
"annotations": [
{"id": 1, "image_id": "1", "category_id": "2", "bbox": [1, 2, 3, 4], "iscrowd": 0},
{"id": 2, "image_id": 1, "category_id": 2, "bbox": [5, 6, 7, 8], "iscrowd": 0},
{"id": 3, "image_id": 7, "category_id": "dog", "bbox": [9, 10, 11, 12], "iscrowd": 0},
{"id": 4, "image_id": "été", "category_id": 2.0, "bbox": [13, 14, 15, 16], "iscrowd": 0},
{"id": 5, "image_id": "img_0017", "category_id": "2", "bbox": [17, 18, 19, 20], "iscrowd": 0},
{"id": 6, "image_id": "1", "category_id": "dog", "bbox": [21, 22, 23, 24], "iscrowd": 0},
{"id": 7, "image_id": "", "category_id": 10, "bbox": [25, 26, 27, 28], "iscrowd": 0}],
"categories": [{"id": "dog", "name": "dog"}, {"id": "2", "name": "two-string"}, {"id": 10, "name": "ten"},
{"id": 2, "name": "two-number"}]}
'''
with open(os.path.join(here, "ids.json"), "w", encoding="utf-8") as f:
    f.write(text)
with contextlib.redirect_stdout(io.StringIO()):
    coco = COCO(os.path.join(here, "ids.json"))
lines = ["# made by make_id_fixtures.py with pycocotools " + importlib.metadata.version("pycocotools")]
for image in coco.dataset["images"]:
    anns = coco.loadAnns(coco.getAnnIds(imgIds=[image["id"]]))
    boxes = ["%s %s" % (coco.loadCats([a["category_id"]])[0]["name"], " ".join("%g" % v for v in a["bbox"]))
             for a in anns]
    lines.append(image["file_name"] + ": " + "; ".join(boxes))
with open(os.path.join(here, "ids-pycocotools.txt"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
