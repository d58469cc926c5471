"""The git textconv driver: table files as readable, sorted text lines, and git diff with it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from extract.core.tables import table_bytes, to_table
from extract.review import textconv

SRC = Path(__file__).resolve().parents[1] / "src"


def mention(mention_id: str, start: int, text: str, label: str = "ORG", **extra: Any) -> dict[str, Any]:
    row = {
        "mention_id": mention_id,
        "doc_id": "d1",
        "start": start,
        "end": start + len(text),
        "text": text,
        "label": label,
        "entity_id": "e1",
        "value": None,
        "lang": "en",
        "source": "model",
    }
    return {**row, **extra}


def write_table(path: Path, name: str, rows: list[dict[str, Any]]) -> Path:
    path.write_bytes(table_bytes(to_table(name, rows)))
    return path


def test_a_mention_is_one_line_identity_first(tmp_path: Path) -> None:
    path = write_table(tmp_path / "mentions.parquet", "mentions", [mention("m1", 10, "Acme Corp")])
    assert textconv.textconv_lines(path) == [
        'mention  d1  10-19  ORG  "Acme Corp"  entity_id=e1  lang=en  source=model  mention_id=m1'
    ]


def test_a_document_line_leaves_out_the_text(tmp_path: Path) -> None:
    row = {
        "doc_id": "d1",
        "path": "raw/a b.txt",
        "sha256": "abc",
        "format": "txt",
        "lang": "fr",
        "title": "Un titre",
        "text": "Le texte entier.",
        "n_chars": 16,
        "status": "ok",
        "message": None,
    }
    [line] = textconv.textconv_lines(write_table(tmp_path / "documents.parquet", "documents", [row]))
    fields = 'sha256=abc  n_chars=16  format=txt  lang=fr  status=ok  title="Un titre"'
    assert line == f'document  "raw/a b.txt"  d1  {fields}'


def test_lines_follow_text_order_whatever_the_file_order(tmp_path: Path) -> None:
    rows = [mention("m2", 30, "Beta"), mention("m1", 5, "Alpha")]
    path = tmp_path / "mentions.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path)  # written unsorted, as another writer might
    assert [line.split("  ")[2] for line in textconv.textconv_lines(path)] == ["5-10", "30-34"]


def test_the_table_is_recognised_by_its_columns_not_its_file_name(tmp_path: Path) -> None:
    row = {
        "entity_id": "e1",
        "type": "ORG",
        "name": "Acme",
        "aliases": ["ACME", "Acme Inc."],
        "n_docs": 2,
        "n_mentions": 3,
    }
    path = write_table(tmp_path / "Xy12ab_blob.parquet", "entities", [row])  # git's temporary file name
    assert textconv.textconv_lines(path) == [
        'entity  ORG  "Acme"  e1  aliases=["ACME", "Acme Inc."]  n_docs=2  n_mentions=3'
    ]


def test_another_parquet_file_prints_every_column_sorted(tmp_path: Path) -> None:
    path = tmp_path / "other.parquet"
    pq.write_table(pa.table({"b": ["two words", "x"], "a": [2, 1]}), path)
    assert textconv.textconv_lines(path) == ['row  b="two words"  a=2', "row  b=x  a=1"]


def test_a_file_that_is_not_parquet_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mentions.parquet"
    path.write_text("not parquet")
    assert textconv.main([str(path)]) == 2
    assert "cannot read table mentions.parquet" in capsys.readouterr().err


def test_the_driver_does_not_import_spacy() -> None:
    code = "import sys, extract.review.textconv; print('spacy' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(SRC)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "False"


# --- git ---------------------------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "PYTHONPATH": str(SRC),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    done = subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True)
    return done.stdout


def test_install_is_idempotent(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    python = Path(sys.executable)
    assert textconv.install(tmp_path, python=python) is True
    assert textconv.install(tmp_path, python=python) is False
    values = git(tmp_path, "config", "--local", "--get-all", "diff.parquet.textconv").splitlines()
    assert values == [f"{python} -m extract.review.textconv"]


def test_git_diff_shows_the_removed_and_added_rows(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    textconv.install(tmp_path, python=Path(sys.executable))
    (tmp_path / ".gitattributes").write_text("*.parquet diff=parquet\n")
    table = tmp_path / "mentions.parquet"
    write_table(table, "mentions", [mention("m1", 0, "Acme"), mention("m2", 20, "Jane Doe", "PERSON")])
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "tables")
    write_table(table, "mentions", [mention("m1", 0, "Acme Corp"), mention("m2", 20, "Jane Doe", "PERSON")])
    lines = git(tmp_path, "diff").splitlines()
    assert '-mention  d1  0-4  ORG  "Acme"  entity_id=e1  lang=en  source=model  mention_id=m1' in lines
    assert '+mention  d1  0-9  ORG  "Acme Corp"  entity_id=e1  lang=en  source=model  mention_id=m1' in lines
    assert not any("m2" in line for line in lines if line.startswith(("+", "-")))  # unchanged row
