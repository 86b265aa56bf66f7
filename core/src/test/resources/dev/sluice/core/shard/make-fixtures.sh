#!/bin/sh
# Makes the tar fixtures of the shard tests with real tar writers (GNU tar 1.34, Python 3.11's tarfile).
# Run from this folder: sh make-fixtures.sh. Each archive holds WebDataset-style samples whose
# .txt member names the sample, so that the tests can check every name read back.
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
long_dir=$(printf 'd%.0s' $(seq 1 60))/$(printf 'e%.0s' $(seq 1 60))
prefix_dir=$(printf 'g%.0s' $(seq 1 80))
mkdir -p "$work/gnu/$long_dir" "$work/gnu/$prefix_dir"
printf 'short' > "$work/gnu/a.txt"
printf '1' > "$work/gnu/a.cls"
printf 'long' > "$work/gnu/$long_dir/$(printf 'f%.0s' $(seq 1 40)).txt"
printf 'ustar prefix' > "$work/gnu/$prefix_dir/$(printf 'h%.0s' $(seq 1 30)).txt"
ln -s a.txt "$work/gnu/link.txt"
# GNU format: names over 100 bytes in 'L' entries; directories and a symbolic link in between.
(cd "$work/gnu" && tar --format=gnu --sort=name --mtime=@1700000000 --owner=0 --group=0 -cf - .) > gnu-longnames.tar
# POSIX ustar: a 110-byte name split into prefix and name; no long-name entries.
(cd "$work/gnu" && tar --format=ustar --sort=name --mtime=@1700000000 --owner=0 --group=0 -cf - "$prefix_dir") \
    > ustar-prefix.tar
# pax, written by Python: a global header, a non-ASCII name, a name of 300 bytes, a size in a pax record.
python3 - <<'PY'
import io, tarfile
def add(tar, name, data, pax=None):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = 1700000000
    if pax:
        info.pax_headers = pax
    tar.addfile(info, io.BytesIO(data))
with tarfile.open("pax.tar", "w", format=tarfile.PAX_FORMAT, pax_headers={"comment": "made by make-fixtures.sh"}) as tar:
    add(tar, "caf\u00e9/000001.txt", "caf\u00e9".encode())
    add(tar, "caf\u00e9/000001.cls", b"3")
    add(tar, "x" * 250 + "/000002.txt", b"long")
    add(tar, "x" * 250 + "/000002.cls", b"4 5")
    add(tar, "000003.txt", b"sized", {"size": "5"})
PY
