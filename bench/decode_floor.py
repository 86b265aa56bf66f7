#!/usr/bin/python3
"""OpenCV's own JPEG decode rate on a bench set, from memory: the floor under any loader's cost.

usage: decode_floor.py DATA_DIR [--threads 1] [--rounds 3]

Reads every file named in DATA_DIR/train.txt into memory once, then decodes all of them with
cv2.imdecode (BGR, as OpenCV decodes; no colour conversion, no resize) on N Python threads
(cv2 releases the GIL while decoding; cv2.setNumThreads(1) so that OpenCV adds no threads of its
own). Prints one JSON line with the median images/s over the rounds, after one warm-up round.
"""
import argparse, json, os, statistics, threading, time
import cv2
import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument("data")
ap.add_argument("--threads", type=int, default=1)
ap.add_argument("--rounds", type=int, default=3)
a = ap.parse_args()
cv2.setNumThreads(1)
with open(os.path.join(a.data, "train.txt")) as f:
    names = [l.split()[0] for l in f if l.strip()]
blobs = []
for n in names:
    with open(os.path.join(a.data, "images", n), "rb") as f:
        blobs.append(np.frombuffer(f.read(), dtype=np.uint8))


def decode(part):
    for b in part:
        if cv2.imdecode(b, cv2.IMREAD_COLOR) is None:
            raise SystemExit("cv2.imdecode failed")


def one_round():
    parts = [blobs[i::a.threads] for i in range(a.threads)]
    threads = [threading.Thread(target=decode, args=(p,)) for p in parts]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(blobs) / (time.perf_counter() - t0)


one_round()
rates = [one_round() for _ in range(a.rounds)]
print(json.dumps({"system": "opencv-decode", "threads": a.threads, "images": len(blobs),
                  "images_per_s": round(statistics.median(rates), 1)}))
