#!/usr/bin/env python3
"""Builds the code → CID tables of the predefined CMaps that CJK PDFs use
with non-embedded fonts, from Adobe's CMap resources (BSD-3-Clause, shipped
by Debian's poppler-data under /usr/share/poppler/cMap).

jixiao needs the CID of a code to apply a font's /W and /DW widths
(ISO 32000-1 §9.7.4.3, §9.7.5): without it a right-aligned amount in
proportional digits is placed wrongly.

Output per CMap: `cmaps/<name>.cid`, little-endian u32 triples
(first code, last code, first CID), sorted by first code, adjacent ranges
with consecutive CIDs merged. `usecmap` parents are applied first. Codes are
the big-endian value of the code bytes (one-byte and two-byte codes never
share a value in these CMaps). The UCS2 CMaps of CNS1, Japan1 and Korea1
differ from their UTF16 twins in a few dozen BMP codes at most; jixiao reads
them through the UTF16 table. Run once; the outputs are committed.
"""
import os
import re
import struct
import sys

CMAPS = {
    "Adobe-GB1": ["UniGB-UCS2-H", "UniGB-UTF16-H", "GBK-EUC-H", "GB-EUC-H", "GBKp-EUC-H",
                  "GBK2K-H", "GBpc-EUC-H", "GBT-EUC-H", "GBTpc-EUC-H"],
    "Adobe-CNS1": ["UniCNS-UTF16-H", "B5pc-H", "ETen-B5-H", "ETenms-B5-H",
                   "HKscs-B5-H"],
    "Adobe-Japan1": ["UniJIS-UTF16-H", "90ms-RKSJ-H", "90msp-RKSJ-H",
                     "83pv-RKSJ-H"],
    "Adobe-Korea1": ["UniKS-UTF16-H", "KSC-EUC-H", "KSCms-UHC-H", "KSCpc-EUC-H"],
}


def parse(root, collection, name, depth=0):
    text = open(os.path.join(root, collection, name), encoding="latin-1").read()
    mapping = {}
    parent = re.search(r"/([\w-]+)\s+usecmap", text)
    if parent and depth < 4:
        mapping.update(parse(root, collection, parent.group(1), depth + 1))
    for block in re.findall(r"begincidrange(.*?)endcidrange", text, re.S):
        for lo, hi, cid in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s+(\d+)", block):
            lo, hi, cid = int(lo, 16), int(hi, 16), int(cid)
            for i in range(hi - lo + 1):
                mapping[lo + i] = cid + i
    for block in re.findall(r"begincidchar(.*?)endcidchar", text, re.S):
        for code, cid in re.findall(r"<([0-9a-fA-F]+)>\s+(\d+)", block):
            mapping[int(code, 16)] = int(cid)
    return mapping


def ranges(mapping):
    out = []
    for code in sorted(mapping):
        cid = mapping[code]
        if out and out[-1][1] + 1 == code and out[-1][2] + (code - out[-1][0]) == cid:
            out[-1][1] = code
        else:
            out.append([code, code, cid])
    return out


def main(root):
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cmaps")
    os.makedirs(here, exist_ok=True)
    for collection, names in CMAPS.items():
        for name in names:
            table = ranges(parse(root, collection, name))
            with open(os.path.join(here, f"{name}.cid"), "wb") as f:
                for lo, hi, cid in table:
                    f.write(struct.pack("<III", lo, hi, cid))
            print(name, len(table), "ranges")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/poppler/cMap")
