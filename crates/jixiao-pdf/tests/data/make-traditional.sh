#!/usr/bin/env bash
# Makes traditional.chromium-serif.pdf: the seed's forms converted to
# Traditional Chinese (zhconv, zh-tw) and printed by headless Chromium in
# Noto Serif CJK TC, whose ToUnicode writes U+2F3E ⼾ for 戶 as the SC render
# writes it for 户. Dev tool: needs chromium, fonts-noto-cjk, pip zhconv.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../../../.."
tmp="$(mktemp -d)"
python3 - "$root/golden/000_9700642081d75d3a.txt.json" "$tmp/tc.json" <<'PY'
import json, sys, zhconv
doc = json.load(open(sys.argv[1], encoding="utf-8"))
def tc(v):
    if isinstance(v, str):
        return zhconv.convert(v, "zh-tw")
    if isinstance(v, list):
        return [tc(x) for x in v]
    if isinstance(v, dict):
        return {k: tc(x) for k, x in v.items()}
    return v
json.dump(tc(doc), open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
python3 "$root/corpus/pdf/chromium/make.py" "$tmp/tc.json" "$here/traditional.chromium-serif.pdf" 'Noto Serif CJK TC'
rm -rf "$tmp"
