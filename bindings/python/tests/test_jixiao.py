"""The Python package gives the CLI's documents and tables."""

import csv
import io
import math
import os
from pathlib import Path

import pandas as pd
import pytest

import jixiao
from conftest import CORPUS, GOLDEN, corpus_inputs, serialise


def test_every_corpus_input_converts_to_the_clis_bytes(cli_output):
    inputs = corpus_inputs()
    assert len(inputs) >= 60
    for name, path in inputs:
        doc = jixiao.convert(path, name)
        assert serialise(doc) == (cli_output / f"{name}.json").read_text(encoding="utf-8"), name


def test_golden_files_match_too():
    # The repository's golden JSON, without a binary: the seed and a PDF.
    for name in ["000_9700642081d75d3a.txt", "pdf/seed.ucs2-landscape.pdf", "pdf/district.chromium.pdf"]:
        doc = jixiao.convert(CORPUS / name, name)
        assert serialise(doc) == (GOLDEN / f"{name}.json").read_text(encoding="utf-8"), name


def test_bytes_paths_and_pathlike_agree():
    path = CORPUS / "pdf" / "seed.gbk-portrait.pdf"
    by_path = jixiao.convert(path)
    by_str = jixiao.convert(str(path))
    by_bytes = jixiao.convert(path.read_bytes(), "seed.gbk-portrait.pdf")
    assert by_path == by_str == by_bytes
    assert by_path["source"]["file"] == "seed.gbk-portrait.pdf"
    assert len(by_path["projects"]) == 9
    # Bytes without a name are sniffed: still a PDF.
    assert jixiao.convert(path.read_bytes())["source"]["format"] == "pdf"


def test_a_bad_file_is_a_document_not_an_exception(tmp_path):
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes((CORPUS / "pdf" / "seed.ucs2-landscape.pdf").read_bytes()[:2000])
    for source in [truncated, tmp_path / "missing.pdf", b"", b"%PDF-1.4 garbage"]:
        doc = jixiao.convert(source)
        assert doc["projects"] == []
        assert any(d["level"] == "error" for d in doc["diagnostics"]), doc["diagnostics"]


def test_misuse_raises():
    with pytest.raises(TypeError):
        jixiao.convert(42)
    with pytest.raises(ValueError):
        jixiao.convert(b"x", timeout=-1)
    with pytest.raises(ValueError):
        list(jixiao.convert_many([CORPUS / "000_9700642081d75d3a.txt"], jobs=0))
    with pytest.raises(TypeError):
        list(jixiao.convert_many([42]))


def test_page_range():
    doc = jixiao.convert(CORPUS / "pdf" / "seed.ucs2-landscape.pdf", first_page=1, last_page=1)
    assert 1 <= len(doc["projects"]) < 9
    assert all(p["span"]["pages"][1] <= 1 for p in doc["projects"])


def test_convert_many_yields_every_document_once():
    inputs = corpus_inputs()
    many = list(jixiao.convert_many(inputs, jobs=2))
    assert sorted(d["source"]["file"] for d in many) == sorted(name for name, _ in inputs)
    one_by_one = {name: jixiao.convert(path, name) for name, path in inputs}
    for doc in many:
        assert doc == one_by_one[doc["source"]["file"]]


def csv_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def cell_text(value, column):
    """A DataFrame cell as the CLI's CSV prints it."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        return f"{value:.15g}" if value != int(value) else str(int(value))
    return str(value)


def test_tables_hold_the_clis_csv_rows_with_dtypes(cli_output):
    docs = [jixiao.convert(path, name) for name, path in corpus_inputs()]
    projects, indicators, diagnostics = jixiao.tables(docs)
    for frame, file in [(projects, "projects.csv"), (indicators, "indicators.csv"), (diagnostics, "diagnostics.csv")]:
        rows = csv_rows(cli_output / file)
        assert list(frame.columns) == rows[0], file
        assert len(frame) == len(rows) - 1, file
        for i, expected in enumerate(rows[1:]):
            got = [cell_text(v, c) for v, c in zip(frame.iloc[i].tolist(), frame.columns)]
            assert got == expected, (file, i)
    assert projects["funds_annual_total"].dtype == "float64"
    assert str(projects["start_date"].dtype).startswith("datetime64")
    assert str(projects["year"].dtype) == "Int64"
    assert str(indicators["page"].dtype) == "Int64"
    assert indicators["target_value"].dtype == "float64"
    assert projects["funds_annual_total"].sum() > 0
