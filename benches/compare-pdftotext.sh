#!/usr/bin/env bash
# Wall time of `jixiao convert` against `pdftotext -layout` over the same
# PDFs on this machine, same parallelism, median of RUNS runs; and jixiao's
# peak memory. Usage: benches/compare-pdftotext.sh [FOLDER...]
# (default: corpus/pdf and ../shared/corpora/cn-gov).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --release -p jixiao-cli
runs=${RUNS:-7}
jobs=$(nproc)
folders=("$@")
[ ${#folders[@]} -gt 0 ] || folders=(corpus/pdf ../shared/corpora/cn-gov)
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now() { date +%s.%N; }
for folder in "${folders[@]}"; do
  [ -d "$folder" ] || continue
  files=$(find "$folder" -name '*.pdf' | wc -l)
  out=$(mktemp -d)
  j=(); p=()
  for _ in $(seq "$runs"); do
    t0=$(now); target/release/jixiao convert "$folder" -o "$out" -j "$jobs" 2>/dev/null || true; t1=$(now)
    j+=("$(echo "$t1 - $t0" | bc)")
    t0=$(now); find "$folder" -name '*.pdf' -print0 | xargs -0 -n 1 -P "$jobs" sh -c 'pdftotext -q -layout "$0" /dev/null' || true; t1=$(now)
    p+=("$(echo "$t1 - $t0" | bc)")
  done
  jm=$(printf '%s\n' "${j[@]}" | median); pm=$(printf '%s\n' "${p[@]}" | median)
  peak=$( { /usr/bin/time -f '%M' target/release/jixiao convert "$folder" -o "$out" -j "$jobs" 2>&1 >/dev/null; } | tail -1)
  printf '%s: %d PDFs, jixiao %.3f s, pdftotext -layout %.3f s, ratio %.2f, jixiao peak RSS %d MiB\n' \
    "$folder" "$files" "$jm" "$pm" "$(echo "$jm / $pm" | bc -l)" "$((peak / 1024))"
  rm -rf "$out"
done
