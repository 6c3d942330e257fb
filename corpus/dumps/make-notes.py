#!/usr/bin/env python3
"""Variants of committed dumps as real budgets print the form: a note
under the last table (`注：本表金额单位为元。`) and a page number after it
(`-note`); and, for dumps with form feeds, the budget's running header
atop every page and a page number at every page's foot (`-running`; on
the first page the header stands above the form's heading and is read
as the document's title). They must read to the same projects as the
dump they come from (the note and the later pages' headers are reported
as text outside the table). And, for dumps with form feeds, the pages
joined as a script joins them, a rule with the page's number between
two pages instead of the form feed (`--- 第1页 ---`, `-pages`): read as
page numbers. Dev tool: run after make-dumps.py.

usage: corpus/dumps/make-notes.py
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
PDFS = ["district.libreoffice.pdf", "district.chromium.pdf", "cost.reportlab.pdf", "stress.fpdf2.pdf"]
KINDS = ["pdfplumber", "pdftotext-layout", "pdftotext", "pymupdf"]
NOTE = "注：本表金额单位为元。"
HEADER = "上海市普陀区示例街道办事处2025年度单位预算"


def main():
    for pdf in PDFS:
        for kind in KINDS:
            src = os.path.join(HERE, f"{pdf}.{kind}.txt")
            text = open(src, encoding="utf-8").read().rstrip("\n\f")
            # pdftotext ends a block with a blank line; the others do not.
            gap = "\n\n" if kind.startswith("pdftotext") else "\n"
            out = os.path.join(HERE, f"{pdf}.{kind}-note.txt")
            open(out, "w", encoding="utf-8").write(text + gap + NOTE + gap + "- 24 -\n")
            print(os.path.basename(out))
            if not kind.startswith("pdftotext"):
                continue
            pages = text.split("\f")
            out = os.path.join(HERE, f"{pdf}.{kind}-pages.txt")
            ruled = "".join(f"{page.rstrip(chr(10))}\n--- 第{i + 1}页 ---\n" for i, page in enumerate(pages))
            open(out, "w", encoding="utf-8").write(ruled)
            print(os.path.basename(out))
            for i in range(len(pages)):
                if pages[i].strip():
                    pages[i] = HEADER + "\n" + pages[i]
                if i < len(pages) - 1:
                    pages[i] = pages[i].rstrip("\n") + f"\n第 {i + 1} 页\n"
            out = os.path.join(HERE, f"{pdf}.{kind}-running.txt")
            open(out, "w", encoding="utf-8").write("\f".join(pages) + "\n")
            print(os.path.basename(out))


if __name__ == "__main__":
    main()
