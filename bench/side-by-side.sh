#!/usr/bin/env bash
# Sluice against PyTorch's DataLoader on the same JPEGs, in one run, alternating, several rounds.
#
# usage: bench/side-by-side.sh [--shared DIR] [--data DIR] [--photos DIR] [--large DIR] [--copies N]
#                              [--large-only] [--sluice-only] [--rounds N] [--out DIR]
#   --shared   the folder with make_bench_set.py, get_photos.sh and pytorch_baseline.py
#              (default: ../shared/bench beside the repository; env SLUICE_BENCH_SHARED)
#   --data     the bench set: DIR/train.txt and DIR/images/ (default: ../bench-set; env SLUICE_BENCH_DATA);
#              made with make_bench_set.py when missing
#   --photos   the source photographs for making the set (default: ../photos; fetched with get_photos.sh
#              when missing)
#   --large    the large-photo set: DIR/train.txt and DIR/images/ (default: ../bench-large; env
#              SLUICE_BENCH_LARGE); made when missing from the --photos at full size, each linked
#              --copies times (default 10: 18 photographs give 180 images an epoch)
#   --large-only  run the large-photo comparison alone
#   --modern   the python of a venv with current PyTorch 2.x and torchvision transforms.v2, made by
#              ../shared/bench/modern_torch_env.sh DIR (default: ../torch-modern/bin/python beside the repository
#              when it exists; env SLUICE_BENCH_MODERN); its pytorch_modern.py runs beside Debian's 1.13, and
#              "PyTorch's best" is the fastest of both
#   --sluice-only skip PyTorch and the OpenCV decode floor (a smoke run where python3 has no torch or cv2;
#              the ratios to them then say n/a)
#   --rounds   rounds of the whole alternation (default 3)
#   --out      where the configurations and the raw JSON lines go (default: a new temporary folder)
#
# Each round runs, one after the other: Sluice (auto, the default, which sends these JPEGs to turbojpeg;
# turbojpeg, opencv and imageio named) and PyTorch (pil, cv2 decoders) on the eval and seed pipelines
# with 2 workers, each Sluice backend's decode-only rate on the same configuration (sluice bench
# --decode-only: the same files, order and 2 workers, without the transforms and the batch assembly; the
# issue's "same decoder" target), Sluice's eval pipeline with 1 and with 2 workers on every backend, one
# run right after the other, twice (1-2-2-1), each timing 3 epochs (the scaling figure), and OpenCV's decode-only rate on 1 and 2 threads (cv2.imdecode from memory,
# bench/decode_floor.py, Debian's SIMD build: an informational floor); every Sluice run also reports its
# CPU time per image by kind of thread (sluice bench --cpu); then,
# on the large-photo set, the eval pipeline with batches of 16 and 2 workers: Sluice (every backend,
# decoder.reduce: auto; opencv also with reduce: 1, full-size decoding) and PyTorch with PIL.
# Every run warms up for one epoch and times the next. The summary gives each figure's median with its
# min-max over the rounds, and the ratios the performance targets are stated in.
# Needs java 17, Maven (for the first build) and /usr/bin/python3 with torch, torchvision, cv2 and PIL.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${SLUICE_BENCH_SHARED:-$root/../shared/bench}"
data="${SLUICE_BENCH_DATA:-$root/../bench-set}"
photos="$root/../photos"
large="${SLUICE_BENCH_LARGE:-$root/../bench-large}"
copies=10
large_only=false
modern="${SLUICE_BENCH_MODERN:-$root/../torch-modern/bin/python}"
sluice_only=false
rounds=3
out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --shared) shared="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --photos) photos="$2"; shift 2 ;;
    --large) large="$2"; shift 2 ;;
    --copies) copies="$2"; shift 2 ;;
    --large-only) large_only=true; shift ;;
    --sluice-only) sluice_only=true; shift ;;
    --modern) modern="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,30p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "side-by-side.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
python=/usr/bin/python3
for script in make_bench_set.py pytorch_baseline.py; do
  [[ -f "$shared/$script" ]] || { echo "side-by-side.sh: $shared/$script not found; pass --shared DIR" >&2; exit 2; }
done

if ! ls "$photos"/*.jpg >/dev/null 2>&1; then
  echo "fetching photographs into $photos ..." >&2
  bash "$shared/get_photos.sh" "$photos"
fi
if [[ "$large_only" == false ]]; then
  if [[ ! -f "$data/train.txt" ]]; then
    echo "making the bench set in $data ..." >&2
    "$python" "$shared/make_bench_set.py" "$photos" "$data"
  fi
  data="$(cd "$data" && pwd)"
fi

# The large-photo set: the photographs at their own size (1280 x 1024 to 3840 x 2400 for the default
# ones), each hard-linked (copied where linking fails) --copies times, labelled by photograph.
if [[ ! -f "$large/train.txt" ]]; then
  echo "making the large-photo set in $large ($copies links to each photograph in $photos) ..." >&2
  mkdir -p "$large/images"
  label=0
  for photo in "$photos"/*.jpg; do
    name="$(basename "$photo" .jpg)"
    for ((copy = 0; copy < copies; copy++)); do
      ln -f "$photo" "$large/images/$name-$copy.jpg" 2>/dev/null || cp "$photo" "$large/images/$name-$copy.jpg"
      echo "$name-$copy.jpg $label"
    done
    label=$((label + 1))
  done >"$large/train.txt.partial"
  mv "$large/train.txt.partial" "$large/train.txt"
fi
large="$(cd "$large" && pwd)"
out="${out:-$(mktemp -d "${TMPDIR:-/tmp}/side-by-side.XXXXXX")}"
mkdir -p "$out"
results="$out/results.jsonl"
: >"$results"

# The configurations: the issue's eval and seed pipelines, per backend and worker count.
# eval-large is the eval pipeline on the large-photo set in batches of 16 (decoder.reduce: auto, the
# default); eval-large-full the same with reduce: 1.
config() { # backend pipeline workers
  local file="$out/$2-$1-$3w.yaml" set="$data"
  [[ "$2" == eval-large* ]] && set="$large"
  {
    printf 'dataset:\n  format: txt\n  labels: %s/train.txt\n  root: %s/images\n' "$set" "$set"
    printf 'decoder:\n  backend: %s\n  mode: rgb\n' "$1"
    [[ "$2" == eval-large-full ]] && printf '  reduce: 1\n'
    if [[ "$2" == eval* ]]; then
      printf 'transforms:\n  - resize: {size: 256, interpolation: bilinear, antialias: true}\n'
      printf '  - center_crop: {size: 224}\n  - to_tensor: {}\n'
      printf '  - normalize: {mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225]}\n'
      printf 'loader:\n  batch_size: %s\n' "$([[ "$2" == eval ]] && echo 64 || echo 16)"
    else
      printf 'transforms:\n  - resize: {height: 256, width: 256, interpolation: bilinear, antialias: false}\n'
      printf '  - to_tensor: {}\nloader:\n  batch_size: 7\n'
    fi
    printf '  shuffle: true\n  num_workers: %s\n  seed: 0\n' "$3"
  } >"$file"
  echo "$file"
}

sluice() { # backend pipeline workers [decode-only|scaling]
  local file line errors mode="${4:-loader}" epochs=1
  file="$(config "$1" "$2" "$3")"
  [[ "$mode" == scaling ]] && epochs=3
  # Each run's standard error is kept beside its configuration; a run that fails or prints no JSON line
  # is reported with it and left out of the results, and the rounds go on.
  errors="${file%.yaml}-$mode.stderr"
  if ! line="$("$root/sluice" bench "$file" --warmup 1 --epochs "$epochs" --json --cpu \
      $([[ "$mode" == decode-only ]] && echo --decode-only) 2>"$errors")" || [[ "$line" != "{"* ]]; then
    echo "  sluice  $1 $2 ${3}w${4:+ $4}: FAILED (no result line; its standard error is in $errors)" >&2
    return 0
  fi
  printf '{"system": "sluice", "decoder": "%s", "pipeline": "%s", "workers": %s, "mode": "%s", "result": %s}\n' \
    "$1" "$2" "$3" "$mode" "$line" >>"$results"
  echo "  sluice  $1 $2 ${3}w${4:+ $4}: $line" >&2
}

pytorch() { # decoder pipeline
  local line
  [[ "$sluice_only" == true ]] && return 0
  if [[ "$2" == eval-large ]]; then
    # The baseline knows the eval pipeline; the record is renamed so that the summary tells the sets apart.
    line="$("$python" "$shared/pytorch_baseline.py" "$large" --decoder "$1" --pipeline eval --workers 2 --batch 16 \
      2>/dev/null | sed 's/"pipeline": "eval"/"pipeline": "eval-large"/')"
  else
    line="$("$python" "$shared/pytorch_baseline.py" "$data" --decoder "$1" --pipeline "$2" --workers 2 \
      --batch "$([[ "$2" == eval ]] && echo 64 || echo 7)" 2>/dev/null)"
  fi
  echo "$line" >>"$results"
  echo "  pytorch $1 $2 2w: $line" >&2
}

modern() { # decoder pipeline: current PyTorch 2.x with transforms.v2, where its venv exists
  local line
  [[ "$sluice_only" == true || ! -x "$modern" ]] && return 0
  if [[ "$2" == eval-large ]]; then
    line="$("$modern" "$shared/pytorch_modern.py" "$large" --decoder "$1" --pipeline eval --workers 2 --batch 16 \
      2>/dev/null | sed 's/"pipeline": "eval"/"pipeline": "eval-large"/')"
  else
    line="$("$modern" "$shared/pytorch_modern.py" "$data" --decoder "$1" --pipeline "$2" --workers 2 \
      --batch "$([[ "$2" == eval ]] && echo 64 || echo 7)" 2>/dev/null)"
  fi
  echo "$line" >>"$results"
  echo "  pytorch-2 $1 $2 2w: $line" >&2
}

floor() { # threads
  local line
  [[ "$sluice_only" == true ]] && return 0
  line="$("$python" "$root/bench/decode_floor.py" "$data" --threads "$1" --rounds 1)"
  echo "$line" >>"$results"
  echo "  opencv decode ${1}t: $line" >&2
}

"$root/sluice" --help >/dev/null # builds the jar first, outside the timed runs
# and writes the launcher's class-data archive from a run that reads images, so that no timed run does
"$root/sluice" bench "$(config auto seed 2)" >/dev/null 2>&1 || true
echo "side-by-side: $rounds rounds on $([[ "$large_only" == false ]] && echo "$data and ")$large; load average $(cut -d' ' -f1-3 /proc/loadavg); raw results in $results" >&2
for ((round = 1; round <= rounds; round++)); do
  echo "round $round of $rounds (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  # auto and turbojpeg (the decoder auto picks for these JPEGs) swap places every other round, and the
  # one-worker runs go in reverse order, so that no backend always runs first after the machine was idle
  # or after the large-photo runs.
  first=auto second=turbojpeg backends=(auto turbojpeg opencv imageio)
  if ((round % 2 == 0)); then
    first=turbojpeg second=auto backends=(imageio opencv turbojpeg auto)
  fi
  if [[ "$large_only" == false ]]; then
    for pipeline in eval seed; do
      sluice "$first" "$pipeline" 2
      pytorch pil "$pipeline"
      sluice "$second" "$pipeline" 2
      sluice opencv "$pipeline" 2
      pytorch cv2 "$pipeline"
      sluice imageio "$pipeline" 2
      modern pil "$pipeline"
      modern cv2 "$pipeline"
      # The same decoder's decode-only rate: the same configuration, files, order and 2 workers, without
      # the transforms and the batch assembly (sluice bench --decode-only).
      for backend in "${backends[@]}"; do
        sluice "$backend" "$pipeline" 2 decode-only
      done
    done
    # The scaling figure: each backend's eval pipeline on 1 worker and on 2, one right after the other,
    # each timing 3 epochs after the warm-up one, so that the ratio compares runs seconds apart rather
    # than the 2-worker run at the round's start with a 1-worker run minutes later; two such pairs per
    # round, 1-2-2-1 (2-1-1-2 in even rounds), so that neither worker count always runs first.
    for backend in "${backends[@]}"; do
      if ((round % 2)); then order=(1 2 2 1); else order=(2 1 1 2); fi
      for workers in "${order[@]}"; do
        sluice "$backend" eval "$workers" scaling
      done
    done
    floor 1
    floor 2
  fi
  sluice "$first" eval-large 2
  pytorch pil eval-large
  modern pil eval-large
  sluice "$second" eval-large 2
  sluice opencv eval-large 2
  sluice imageio eval-large 2
  sluice opencv eval-large-full 2
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$python" "$root/bench/summarize.py" "$results"
