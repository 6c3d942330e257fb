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
# CPU time of a command and its children in microsecond resolution
# (/usr/bin/time rounds to 10 ms: a tenth of the floor of a small set).
cpu() {
  python3 -c 'import resource, subprocess, sys
def children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime
before = children()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(f"{children() - before:.3f}")' "$@"
}
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
echo "jixiao / floor = $(echo "scale=2; $jixiao / $floor" | bc), jixiao / pdftotext = $(echo "scale=2; $jixiao / $pdftotext" | bc)"
