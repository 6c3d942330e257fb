#!/usr/bin/env bash
# jixiao's CPU time beside the physical floor over the same PDFs: reading
# each file and inflating every stream (`floor`), and beside pdftotext.
# Each is the least CPU time (user + system) of RUNS runs (default 5).
# usage: benches/floor.sh [DIR...]   (default: corpus/pdf and ../shared/corpora/cn-gov)
set -euo pipefail
cd "$(dirname "$0")/.."
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || dirs=(corpus/pdf ../shared/corpora/cn-gov)
runs=${RUNS:-5}
cargo build --release -q -p jixiao-cli -p jixiao-benches --bin jixiao --bin floor
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cpu() { /usr/bin/time -o "$out/time" -f "%U %S" "$@" >/dev/null 2>&1; awk '{print $1 + $2}' "$out/time"; }
least() {
  local best=""
  for _ in $(seq "$runs"); do
    rm -rf "$out/j"
    local t; t=$(cpu "$@")
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
  done
  echo "$best"
}
floor=$(least target/release/floor "${dirs[@]}")
jixiao=$(least target/release/jixiao convert "${dirs[@]}" -o "$out/j" -j 1)
pdftotext=0
if command -v pdftotext >/dev/null; then
  mapfile -t pdfs < <(find "${dirs[@]}" -name '*.pdf' | sort)
  pdftotext=$(least bash -c 'for f in "$@"; do pdftotext -layout "$f" /dev/null; done' _ "${pdfs[@]}")
fi
echo "CPU seconds (least of $runs): floor (read + inflate) $floor, jixiao convert -j 1 $jixiao, pdftotext -layout $pdftotext"
echo "jixiao / floor = $(echo "scale=1; $jixiao / $floor" | bc), jixiao / pdftotext = $(echo "scale=2; $jixiao / $pdftotext" | bc)"
