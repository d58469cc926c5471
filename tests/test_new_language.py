"""A language is data plus a model setting: a toy German, made here, is read end to end without code."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from extract.languages.registry import data_root

MONTHS = [
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
]
TEXT = "Berlin, 3. März 2021\nDie Stiftung Mercator und die Universität Hamburg beginnen im April 2021.\n"


def _edit(path: Path, **changes: object) -> None:
    words = json.loads(path.read_text(encoding="utf-8"))
    words.update(changes)
    path.write_text(json.dumps(words, ensure_ascii=False), encoding="utf-8")


@pytest.fixture(scope="module")
def german(tmp_path_factory) -> Path:
    """The pipeline's tables of one German text, with data/de/ added to a copy of the data folder."""
    root = tmp_path_factory.mktemp("toy")
    data = root / "data"
    shutil.copytree(data_root(), data, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    shutil.copytree(data / "en", data / "de")  # the other word lists of the toy language stay English
    _edit(
        data / "de" / "dates.json",
        months={m: n for n, m in enumerate(MONTHS, start=1)},
        month_abbreviations={m[:3]: n for n, m in enumerate(MONTHS, start=1)},
        months_needing_context=["mai"],
        day_suffixes=["."],
        day_orders=["day_month"],
    )
    _edit(data / "de" / "names.json", org_heads=["stiftung", "universität"], articles=["die", "der", "das"])
    (root / "raw").mkdir()
    (root / "raw" / "mitteilung.txt").write_text(TEXT, encoding="utf-8")
    (root / "settings.toml").write_text('[models]\nde = "blank:de"\n', encoding="utf-8")
    env = {**os.environ, "EXTRACT_DATA": str(data)}
    command = [
        sys.executable,
        "-m",
        "extract",
        "-q",
        "run",
        "--raw",
        "raw",
        "--out",
        "out",
        "--settings",
        "settings.toml",
        "--no-progress",
    ]
    subprocess.run(command, cwd=root, env=env, check=True, capture_output=True, timeout=300)
    return root / "out"


def test_the_new_language_is_the_documents_language(german):
    assert pq.read_table(german / "documents.parquet").column("lang").to_pylist() == ["de"]


def test_its_dates_are_read_with_its_month_names(german):
    mentions = pq.read_table(german / "mentions.parquet").to_pylist()
    dates = {m["text"]: m["value"] for m in mentions if m["label"] == "DATE"}
    assert dates == {"3. März 2021": "2021-03-03", "April 2021": "2021-04"}


def test_its_organisations_are_read_with_its_head_nouns(german):
    mentions = pq.read_table(german / "mentions.parquet").to_pylist()
    assert "Stiftung Mercator" in {m["text"] for m in mentions if m["label"] == "ORG"}
