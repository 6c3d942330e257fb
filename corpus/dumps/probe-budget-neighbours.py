#!/usr/bin/env python3
"""Neighbour probe (a dev tool, not a test): corpus forms among a real
budget's pages, read as PDF and through four extractors.

For each of the cn-gov budgets in ../shared/corpora (never copied into the
repository), a corpus form PDF is set among the budget's pages (its first
six pages, the form, three more), and the result is dumped with PyMuPDF
`get_text()`, pdfplumber `extract_text()` and `pdftotext` with and without
`-layout`. Each output is scored against the form's golden file (fields
read equal, whitespace-blind) and its extra fields are counted: the
budget's pages must add nothing to the form.

usage: corpus/dumps/probe-budget-neighbours.py OUT_DIR [FIRST LAST]
needs: pip install pymupdf pdfplumber; poppler-utils; target/release/jixiao
"""
import glob
import json
import os
import subprocess
import sys

import pdfplumber
import pymupdf

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
FORMS = ["seed.chromium.pdf", "district.libreoffice.pdf", "cost.weasyprint.pdf", "seed.fop.pdf", "district.typst.pdf"]


def norm(s):
    s = "".join(c for c in s if not c.isspace())
    return "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in s)


def leaves(v, path, out):
    if isinstance(v, dict):
        for k, x in v.items():
            if k not in ("span", "page"):
                leaves(x, path + "/" + k, out)
    elif isinstance(v, list):
        for i, x in enumerate(v):
            leaves(x, path + "/" + str(i), out)
    else:
        out[path] = None if v is None else norm(v) if isinstance(v, str) else json.dumps(v)


def fields(doc):
    out = {}
    leaves(doc.get("title"), "/title", out)
    leaves(doc.get("projects"), "", out)
    return out


def main():
    out_dir = sys.argv[1]
    first, last = (int(sys.argv[2]), int(sys.argv[3])) if len(sys.argv) > 3 else (0, 18)
    budgets = sorted(glob.glob(os.path.join(ROOT, "..", "shared", "corpora", "cn-gov", "*.pdf")))[first:last]
    inputs = os.path.join(out_dir, "in")
    os.makedirs(inputs, exist_ok=True)
    pairs = []
    for i, budget in enumerate(budgets):
        form = FORMS[i % len(FORMS)]
        doc, form_doc = pymupdf.open(budget), pymupdf.open(os.path.join(ROOT, "corpus", "pdf", form))
        merged = pymupdf.open()
        merged.insert_pdf(doc, to_page=min(5, len(doc) - 1))
        merged.insert_pdf(form_doc)
        merged.insert_pdf(doc, from_page=min(6, len(doc) - 1), to_page=min(8, len(doc) - 1))
        name = f"p{i}.{form}"
        path = os.path.join(inputs, name)
        merged.save(path)
        pairs.append((name, form))
        with open(path + ".pymupdf.txt", "w") as f:
            f.write("".join(p.get_text() for p in pymupdf.open(path)))
        with pdfplumber.open(path) as pdf, open(path + ".pdfplumber.txt", "w") as f:
            f.write("\n".join(p.extract_text() or "" for p in pdf.pages))
        subprocess.run(["pdftotext", "-layout", path, path + ".pdftotext-layout.txt"], check=True)
        subprocess.run(["pdftotext", path, path + ".pdftotext.txt"], check=True)
    outputs = os.path.join(out_dir, "out")
    subprocess.run([os.path.join(ROOT, "target", "release", "jixiao"), "convert", inputs, "-o", outputs], capture_output=True)
    for name, form in pairs:
        golden = glob.glob(os.path.join(ROOT, "golden", "pdf", "**", form + ".json"), recursive=True)[0]
        want = fields(json.load(open(golden)))
        for kind in ["", ".pymupdf.txt", ".pdfplumber.txt", ".pdftotext-layout.txt", ".pdftotext.txt"]:
            got = fields(json.load(open(os.path.join(outputs, name + kind + ".json"))))
            score = sum(1 for k in want if got.get(k) == want[k]) / len(want)
            extra = sum(1 for k in got if k not in want)
            print(f"{score:.3f} extra={extra} {name}{kind}")


if __name__ == "__main__":
    main()
