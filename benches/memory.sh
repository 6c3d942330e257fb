#!/usr/bin/env bash
# Peak memory of `jixiao convert -j 2 --csv --xlsx` over one copy and over
# twenty copies of the corpus PDFs: the parent keeps a summary per input
# and writes the tables streaming from the JSON files, so the two should be
# about equal (issue: ≤ 1.5×). Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p jixiao-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq 1 20); do mkdir -p "$work/in/c$i" && cp corpus/pdf/*.pdf "$work/in/c$i/"; done
peak() { /usr/bin/time -f "%M" target/release/jixiao convert "$@" -j 2 --csv --xlsx 2>&1 | tail -1; }
one=$(peak "$work/in/c1" -o "$work/out1")
twenty=$(peak "$work/in" -o "$work/out20")
echo "peak RSS: one copy ${one} KiB, twenty copies ${twenty} KiB, ratio $(echo "scale=2; $twenty / $one" | bc)"
