#!/usr/bin/env bash
# Sluice against PyTorch's DataLoader on the same JPEGs, in one run, alternating, several rounds.
#
# usage: bench/side-by-side.sh [--shared DIR] [--data DIR] [--photos DIR] [--rounds N] [--out DIR]
#   --shared   the folder with make_bench_set.py, get_photos.sh and pytorch_baseline.py
#              (default: ../shared/bench beside the repository; env SLUICE_BENCH_SHARED)
#   --data     the bench set: DIR/train.txt and DIR/images/ (default: ../bench-set; env SLUICE_BENCH_DATA);
#              made with make_bench_set.py when missing
#   --photos   the source photographs for making the set (default: ../photos; fetched with get_photos.sh
#              when missing)
#   --rounds   rounds of the whole alternation (default 3)
#   --out      where the configurations and the raw JSON lines go (default: a new temporary folder)
#
# Each round runs, one after the other: Sluice (opencv, imageio) and PyTorch (pil, cv2 decoders) on the
# eval and seed pipelines with 2 workers, Sluice's eval pipeline with 1 worker (the scaling figure), and
# OpenCV's decode-only rate on 1 and 2 threads (cv2.imdecode from memory, bench/decode_floor.py).
# Every run warms up for one epoch and times the next. The summary gives each figure's median with its
# min-max over the rounds, and the ratios the performance targets are stated in.
# Needs java 17, Maven (for the first build) and /usr/bin/python3 with torch, torchvision, cv2 and PIL.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${SLUICE_BENCH_SHARED:-$root/../shared/bench}"
data="${SLUICE_BENCH_DATA:-$root/../bench-set}"
photos="$root/../photos"
rounds=3
out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --shared) shared="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --photos) photos="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "side-by-side.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
python=/usr/bin/python3
for script in make_bench_set.py pytorch_baseline.py; do
  [[ -f "$shared/$script" ]] || { echo "side-by-side.sh: $shared/$script not found; pass --shared DIR" >&2; exit 2; }
done

if [[ ! -f "$data/train.txt" ]]; then
  if ! ls "$photos"/*.jpg >/dev/null 2>&1; then
    echo "fetching photographs into $photos ..." >&2
    bash "$shared/get_photos.sh" "$photos"
  fi
  echo "making the bench set in $data ..." >&2
  "$python" "$shared/make_bench_set.py" "$photos" "$data"
fi
data="$(cd "$data" && pwd)"
out="${out:-$(mktemp -d "${TMPDIR:-/tmp}/side-by-side.XXXXXX")}"
mkdir -p "$out"
results="$out/results.jsonl"
: >"$results"

# The configurations: the issue's eval and seed pipelines, per backend and worker count.
config() { # backend pipeline workers
  local file="$out/$2-$1-$3w.yaml"
  {
    printf 'dataset:\n  format: txt\n  labels: %s/train.txt\n  root: %s/images\n' "$data" "$data"
    printf 'decoder:\n  backend: %s\n  mode: rgb\n' "$1"
    if [[ "$2" == eval ]]; then
      printf 'transforms:\n  - resize: {size: 256, interpolation: bilinear, antialias: true}\n'
      printf '  - center_crop: {size: 224}\n  - to_tensor: {}\n'
      printf '  - normalize: {mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225]}\n'
      printf 'loader:\n  batch_size: 64\n'
    else
      printf 'transforms:\n  - resize: {height: 256, width: 256, interpolation: bilinear, antialias: false}\n'
      printf '  - to_tensor: {}\nloader:\n  batch_size: 7\n'
    fi
    printf '  shuffle: true\n  num_workers: %s\n  seed: 0\n' "$3"
  } >"$file"
  echo "$file"
}

sluice() { # backend pipeline workers
  local file line
  file="$(config "$1" "$2" "$3")"
  line="$("$root/sluice" bench "$file" --warmup 1 --epochs 1 --json 2>/dev/null)"
  printf '{"system": "sluice", "decoder": "%s", "pipeline": "%s", "workers": %s, "result": %s}\n' \
    "$1" "$2" "$3" "$line" >>"$results"
  echo "  sluice  $1 $2 ${3}w: $line" >&2
}

pytorch() { # decoder pipeline
  local line
  line="$("$python" "$shared/pytorch_baseline.py" "$data" --decoder "$1" --pipeline "$2" --workers 2 \
    --batch "$([[ "$2" == eval ]] && echo 64 || echo 7)" 2>/dev/null)"
  echo "$line" >>"$results"
  echo "  pytorch $1 $2 2w: $line" >&2
}

floor() { # threads
  local line
  line="$("$python" "$root/bench/decode_floor.py" "$data" --threads "$1" --rounds 1)"
  echo "$line" >>"$results"
  echo "  opencv decode ${1}t: $line" >&2
}

"$root/sluice" --help >/dev/null # builds the jar first, outside the timed runs
echo "side-by-side: $rounds rounds on $data; load average $(cut -d' ' -f1-3 /proc/loadavg); raw results in $results" >&2
for ((round = 1; round <= rounds; round++)); do
  echo "round $round of $rounds (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  for pipeline in eval seed; do
    sluice opencv "$pipeline" 2
    pytorch pil "$pipeline"
    sluice imageio "$pipeline" 2
    pytorch cv2 "$pipeline"
  done
  sluice opencv eval 1
  sluice imageio eval 1
  floor 1
  floor 2
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$python" "$root/bench/summarize.py" "$results"
