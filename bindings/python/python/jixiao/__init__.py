"""jixiao: Chinese government performance-target sheets (绩效目标申报表 /
填报表, PDFs and text dumps of them) to typed data.

>>> import jixiao
>>> doc = jixiao.convert("corpus/pdf/seed.ucs2-landscape.pdf")   # doctest: +SKIP
>>> doc["projects"][0]["name"]                                      # doctest: +SKIP
'科技服务平台运行保障'

A document is the same JSON the ``jixiao convert`` command writes (see
docs/output.md), as Python objects. A file that cannot be read still gives
its document, with an ``error`` diagnostic and no projects; exceptions are
raised only for misuse (a wrong argument type or value).
"""

import json
import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple, Union

from . import _jixiao

__all__ = ["convert", "convert_many", "tables", "SCHEMA_VERSION"]

SCHEMA_VERSION: int = _jixiao.SCHEMA_VERSION

PathOrBytes = Union[str, "os.PathLike[str]", bytes]


def convert(
    source: PathOrBytes,
    name: Optional[str] = None,
    *,
    timeout: Optional[float] = None,
    first_page: Optional[int] = None,
    last_page: Optional[int] = None,
) -> Dict[str, Any]:
    """Converts one PDF or text dump: a path (str or os.PathLike) or the
    file's bytes. ``name`` is what the document calls the file (its
    ``source.file``; default: the path's file name, or ``"input"`` for
    bytes; a name ending in ``.pdf`` makes bytes read as a PDF). The GIL is
    released while Rust converts."""
    if isinstance(source, (bytearray, memoryview)):
        source = bytes(source)
    return json.loads(
        _jixiao.convert_json(source, name, timeout=timeout, first_page=first_page, last_page=last_page)
    )


def _named(item: Union[PathOrBytes, Tuple[str, PathOrBytes]]) -> Tuple[str, str]:
    if isinstance(item, tuple):
        name, path = item
        return str(name), os.fspath(path)
    if isinstance(item, (str, os.PathLike)):
        path = os.fspath(item)
        return os.path.basename(path) or path, path
    raise TypeError(f"expected a path or a (name, path) pair, got {type(item).__name__}")


def convert_many(
    paths: Iterable[Union[str, "os.PathLike[str]", Tuple[str, Union[str, "os.PathLike[str]"]]]],
    jobs: Optional[int] = None,
    *,
    timeout: Optional[float] = None,
) -> Iterator[Dict[str, Any]]:
    """Converts many files in parallel in Rust (``jobs`` threads, default:
    all cores) and yields each document as it finishes (completion order;
    ``doc["source"]["file"]`` says which). An item may be a ``(name, path)``
    pair to name the document (e.g. its path below a folder, as the CLI
    does)."""
    if jobs is not None and jobs < 1:
        raise ValueError("jobs must be at least 1")
    sources = [_named(p) for p in paths]
    for text in _jixiao.ConvertMany(sources, jobs, timeout):
        yield json.loads(text)


# Column dtypes of the tables (docs/output.md): money and target values as
# float64, dates as datetime64, counts and indices as nullable Int64, the
# rest as text.
_FLOAT = {
    "funds_project_total",
    "funds_project_fiscal",
    "funds_project_other",
    "funds_annual_total",
    "funds_annual_fiscal_current",
    "funds_annual_fiscal_carryover",
    "funds_annual_other",
    "target_value",
}
_DATE = {"start_date", "end_date"}
_INT = {"project_index", "year", "first_page", "last_page", "page", "line"}


def _frame(sheet: Dict[str, Any]) -> Any:
    import pandas as pd

    columns: List[str] = sheet["columns"]
    frame = pd.DataFrame(sheet["rows"], columns=columns)
    for column in columns:
        if column in _FLOAT:
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
        elif column in _DATE:
            frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d", errors="coerce")
        elif column in _INT:
            frame[column] = pd.array(frame[column].tolist(), dtype="Int64")
        else:
            frame[column] = frame[column].astype("string")
    return frame


def tables(documents: Iterable[Dict[str, Any]]) -> Tuple[Any, Any, Any]:
    """The three tables of ``jixiao convert --csv`` over ``documents`` as
    pandas DataFrames: ``(projects, indicators, diagnostics)``, the same
    rows and columns as projects.csv, indicators.csv and diagnostics.csv,
    with proper dtypes (money float64, dates datetime64, nullable Int64
    counts, text as string). Needs pandas."""
    texts = [json.dumps(d, ensure_ascii=False) for d in documents]
    sheets = json.loads(_jixiao.tables_json(texts))
    return _frame(sheets["projects"]), _frame(sheets["indicators"]), _frame(sheets["diagnostics"])
