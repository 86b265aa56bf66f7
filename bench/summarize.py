#!/usr/bin/python3
"""Summarises side-by-side.sh's raw results: medians with min-max, and the issue's ratios.

usage: summarize.py RESULTS.jsonl

Each ratio is given as the ratio of the medians, with the min-max of the same ratio taken round by
round (the runs of one round ran minutes apart, so their ratio is the fairest single comparison).
"""
import json, statistics, sys
from collections import defaultdict

runs = defaultdict(list)  # key -> [record per round, in order]
for line in open(sys.argv[1]):
    if not line.strip():
        continue
    r = json.loads(line)
    if r["system"] == "sluice":
        res = r["result"]
        # "decode-only" runs (sluice bench --decode-only) are kept apart from the loader's
        # and so are the scaling pairs (1 and 2 workers, run one right after the other, 3 epochs each)
        pipeline = r["pipeline"] + {"decode-only": " decode-only", "scaling": " scaling"}.get(r.get("mode"), "")
        runs[("sluice", r["decoder"], pipeline, r["workers"])].append(
            {"rate": res["images_per_s"], "first": res["first_batch_s"], "rss": res["peak_rss_mb"],
             "heap": res["peak_heap_mb"], "cpu": res.get("cpu_ms_per_image")})
    elif r["system"].startswith("pytorch"):
        # "pytorch" is Debian's 1.13 (pytorch_baseline.py), "pytorch-2.x" the current one (pytorch_modern.py)
        system = "pytorch" if r["system"] == "pytorch" else "pytorch-2"
        runs[(system, r["decoder"], r["pipeline"], r["workers"])].append(
            {"rate": r["images_per_s"], "first": r["first_batch_s"], "rss": r["peak_rss_mb_sum"]})
    else:
        runs[("opencv-decode", "cv2.imdecode", "decode", r["threads"])].append({"rate": r["images_per_s"]})


def spread(values):
    values = [v for v in values if v is not None]
    if not values:
        return "n/a"
    return "%.1f (%.1f-%.1f)" % (statistics.median(values), min(values), max(values))


def rates(key):
    return [r["rate"] for r in runs.get(key, [])]


print("images/s, median (min-max) over %d rounds" % max(len(v) for v in runs.values()))
print("%-14s %-13s %-15s %-3s %-26s %-22s %s" % ("system", "decoder", "pipeline", "w", "images/s",
                                                  "first batch s", "peak RSS MB"))
for key in sorted(runs):
    rs = runs[key]
    print("%-14s %-13s %-15s %-3s %-26s %-22s %s" % (key[0], key[1], key[2], key[3], spread(rates(key)),
                                                     spread([r.get("first") for r in rs]),
                                                     spread([r.get("rss") for r in rs])))


def ratio(name, top, bottoms, target=None):
    """top / max(bottoms), per round and of the medians; with a verdict when there is a target."""
    t = rates(top)
    bs = [rates(b) for b in bottoms if rates(b)]
    if not t or not bs:
        print("%-52s n/a" % name)
        return
    per_round = [t[i] / max(b[i] for b in bs) for i in range(min(len(t), *(len(b) for b in bs)))]
    of_medians = statistics.median(t) / max(statistics.median(b) for b in bs)
    text = "%-52s %5.2fx (rounds %.2f-%.2f)" % (name, of_medians, min(per_round), max(per_round))
    if target is not None:
        text += "  target >= %.2fx: %s" % (target, "met" if of_medians >= target else "NOT met")
    print(text)


print("\nratios")
for pipeline in ("eval", "seed"):
    # PyTorch's best: the fastest decoder of Debian's 1.13 and of current 2.x, where it ran
    best = [(system, decoder, pipeline, 2) for system in ("pytorch", "pytorch-2") for decoder in ("pil", "cv2")]
    # The default (auto) is held to 2.0x; each named backend to 1.5x on eval.
    for backend, target in (("auto", 2.0), ("turbojpeg", 2.0), ("opencv", 1.5), ("imageio", 1.5)):
        ratio("%s %s / PyTorch best decoder (2 workers)" % (backend, pipeline), ("sluice", backend, pipeline, 2),
              best, target if pipeline == "eval" or backend == "auto" else None)
    # The "same decoder" target: each backend's pipeline against its own decode-only rate.
    for backend in ("auto", "turbojpeg", "opencv", "imageio"):
        ratio("%s %s / %s decode-only (2 workers)" % (backend, pipeline, backend), ("sluice", backend, pipeline, 2),
              [("sluice", backend, pipeline + " decode-only", 2)], 0.5)
    # Informational: against Debian's cv2, a SIMD libjpeg-turbo build, not the opencv backend's decoder.
    ratio("opencv %s / cv2 decode floor on 2 threads (info)" % pipeline, ("sluice", "opencv", pipeline, 2),
          [("opencv-decode", "cv2.imdecode", "decode", 2)])
# 2 workers / 1 worker from the scaling pairs; results from before the pairs existed compare the 2-worker
# eval run with the 1-worker one.
scaling = "eval scaling" if any(key[2] == "eval scaling" for key in runs) else "eval"
for backend in ("auto", "turbojpeg", "opencv", "imageio"):
    ratio("%s eval: 2 workers / 1 worker" % backend, ("sluice", backend, scaling, 2),
          [("sluice", backend, scaling, 1)], 1.8)
# Informational, not Sluice: how far the machine lets a native decoder scale on two threads of one
# process (Debian's cv2.imdecode from Python), the floor the 2-worker targets above are read against.
ratio("cv2.imdecode in Python: 2 threads / 1 thread (info)", ("opencv-decode", "cv2.imdecode", "decode", 2),
      [("opencv-decode", "cv2.imdecode", "decode", 1)])
# The large-photo set: decoding at a reduced scale (decoder.reduce: auto) against PIL's full-size decode.
pil_large = [("pytorch", "pil", "eval-large", 2), ("pytorch-2", "pil", "eval-large", 2)]
for backend in ("auto", "turbojpeg", "opencv", "imageio"):
    ratio("%s eval large / PyTorch pil eval large" % backend, ("sluice", backend, "eval-large", 2), pil_large, 3.0)
ratio("opencv eval large: reduce auto / reduce 1", ("sluice", "opencv", "eval-large", 2),
      [("sluice", "opencv", "eval-large-full", 2)])


# Where the CPU goes: milliseconds of CPU per image by kind of thread (sluice bench --cpu), medians over
# the rounds. The workers are the live ones plus "ended", the threads that ended before the run's end (the
# epoch's workers, which stop with it). A one-worker run gets the rest (JIT, GC, consumer) from the second
# core for free; 2 workers pay it: 2 workers / 1 worker is at most about 2 x W1 / (W2 + rest of 2w).
for rs in runs.values():
    for r in rs:
        if r.get("cpu"):
            r["cpu"] = dict(r["cpu"], workers=r["cpu"]["workers"] + r["cpu"]["ended"])
kinds = ("workers", "consumer", "gc", "jit", "other", "total")
cpu_rows = [(key, [r["cpu"] for r in rs if r.get("cpu")]) for key, rs in sorted(runs.items()) if key[0] == "sluice"]
cpu_rows = [(key, cpus) for key, cpus in cpu_rows if cpus and key[2] in ("eval", "eval decode-only", "eval scaling")]
if cpu_rows:
    print("\nCPU ms per image by thread, eval pipeline and its decode-only run, median over rounds")
    print("%-10s %-17s %-3s " % ("decoder", "run", "w") + " ".join("%-9s" % kind for kind in kinds))
    for key, cpus in cpu_rows:
        print("%-10s %-17s %-3s " % (key[1], key[2], key[3])
              + " ".join("%-9.3f" % statistics.median(c[kind] for c in cpus) for kind in kinds))
