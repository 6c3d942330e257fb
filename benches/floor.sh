#!/usr/bin/env bash
# jixiao's CPU time beside the physical floor over the same PDFs: reading
# each file and inflating every stream (`floor`), and beside pdftotext.
# usage: benches/floor.sh [DIR...]   (default: corpus/pdf and ../shared/corpora/cn-gov)
set -euo pipefail
cd "$(dirname "$0")/.."
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || dirs=(corpus/pdf ../shared/corpora/cn-gov)
cargo build --release -q -p jixiao-cli -p jixiao-benches --bin jixiao --bin floor
cpu() { /usr/bin/time -f "%U %S" "$@" 2>&1 >/dev/null | tail -1 | awk '{print $1 + $2}'; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
floor=$(cpu target/release/floor "${dirs[@]}")
jixiao=$(cpu target/release/jixiao convert "${dirs[@]}" -o "$out/j" -j 1)
pdftotext=0
if command -v pdftotext >/dev/null; then
  start=$(date +%s.%N)
  t0=$( { /usr/bin/time -f "%U %S" bash -c 'for f in "$@"; do pdftotext -layout "$f" /dev/null; done' _ $(find "${dirs[@]}" -name '*.pdf') ; } 2>&1 | tail -1 | awk '{print $1 + $2}')
  pdftotext=$t0
fi
echo "CPU seconds: floor (read + inflate) $floor, jixiao convert -j 1 $jixiao, pdftotext -layout $pdftotext"
echo "jixiao / floor = $(echo "scale=1; $jixiao / $floor" | bc), jixiao / pdftotext = $(echo "scale=2; $jixiao / $pdftotext" | bc)"
