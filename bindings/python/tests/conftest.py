"""Shared fixtures: the repository's corpus, its golden JSON (the CLI's
output, kept equal to it by the Rust golden test) and the CLI binary."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "corpus"
GOLDEN = ROOT / "golden"


def corpus_inputs():
    """(name, path) of every corpus input, named as `jixiao convert corpus`
    names them (the path below the folder)."""
    out = []
    for path in sorted(CORPUS.rglob("*")):
        if path.suffix.lower() in (".pdf", ".txt") and path.is_file():
            out.append((path.relative_to(CORPUS).as_posix(), path))
    return out


def serialise(doc):
    """A document as the CLI writes it (serde_json pretty, UTF-8, final
    newline)."""
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


@pytest.fixture(scope="session")
def cli_output(tmp_path_factory):
    """The CLI's JSON for the whole corpus: `jixiao convert corpus -o DIR`
    run now (the binary cargo built, or `jixiao` on PATH)."""
    # $JIXIAO_BIN, else the newest binary cargo built (a stale release
    # build must not stand in for the code under test), else PATH.
    candidates = [p for p in (ROOT / "target" / "release" / "jixiao", ROOT / "target" / "debug" / "jixiao") if p.is_file()]
    newest = max(candidates, key=lambda p: p.stat().st_mtime, default=None)
    binary = os.environ.get("JIXIAO_BIN") or (str(newest) if newest else None) or shutil.which("jixiao")
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail("no jixiao binary: run `cargo build` first")
        pytest.skip("no jixiao binary (cargo build) to compare with")
    out = tmp_path_factory.mktemp("cli")
    result = subprocess.run(
        [binary, "convert", str(CORPUS), "-o", str(out), "--csv"],
        capture_output=True,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    assert result.returncode in (0, 1), result.stderr.decode()
    return out
