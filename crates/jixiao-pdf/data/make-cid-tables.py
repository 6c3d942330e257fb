#!/usr/bin/env python3
"""Builds the CID → Unicode tables of the four CJK character collections
from Adobe's Unicode CMaps (UniXX-UTF16-H, BSD-3-Clause, shipped by
Debian's poppler-data under /usr/share/poppler/cMap), by inverting them.

Output per collection: `<Ordering>.u16`, one little-endian u16 per CID
(0 = unmapped; characters outside the BMP are left unmapped). Where several
code points map to one CID, a unified ideograph wins over compatibility and
radical forms. Run once; the outputs are committed.
"""
import re
import struct
import sys

SOURCES = {
    "GB1": "Adobe-GB1/UniGB-UTF16-H",
    "Japan1": "Adobe-Japan1/UniJIS-UTF16-H",
    "CNS1": "Adobe-CNS1/UniCNS-UTF16-H",
    "Korea1": "Adobe-Korea1/UniKS-UTF16-H",
}


def rank(cp):
    if 0x4E00 <= cp <= 0x9FFF:
        return 0
    if 0x3400 <= cp <= 0x4DBF:
        return 1
    if 0xF900 <= cp <= 0xFAFF or 0x2E80 <= cp <= 0x2FDF:
        return 3
    return 2


def utf16(hexstr):
    b = bytes.fromhex(hexstr)
    s = b.decode("utf-16-be", errors="ignore")
    return ord(s[0]) if len(s) == 1 else None


def main(root):
    for ordering, rel in SOURCES.items():
        text = open(f"{root}/{rel}", encoding="latin-1").read()
        best = {}

        def offer(cid, cp):
            if cp is None or cp > 0xFFFF:
                return
            if cid not in best or rank(cp) < rank(best[cid]):
                best[cid] = cp

        for block in re.findall(r"begincidchar(.*?)endcidchar", text, re.S):
            for src, cid in re.findall(r"<([0-9a-fA-F]+)>\s+(\d+)", block):
                offer(int(cid), utf16(src))
        for block in re.findall(r"begincidrange(.*?)endcidrange", text, re.S):
            for lo, hi, cid in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s+(\d+)", block):
                if len(lo) != 4:
                    continue
                for i in range(int(hi, 16) - int(lo, 16) + 1):
                    offer(int(cid) + i, int(lo, 16) + i)
        size = max(best) + 1
        table = [best.get(cid, 0) for cid in range(size)]
        with open(f"{ordering}.u16", "wb") as f:
            f.write(struct.pack(f"<{size}H", *table))
        print(ordering, size, "CIDs,", len(best), "mapped")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/poppler/cMap")
