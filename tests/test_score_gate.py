"""The CI gate: the pipeline, run afresh, gives the committed tables and scores above its floors.

A change of rules that lowers a score below ``score_floors.toml``, on the seed texts, on the
texts from other fields or on either half of the real-text corpus, fails here; so does a change
that alters the output without the committed ``extracted/`` tables being regenerated
(``make extract``).
"""

import tomllib
from pathlib import Path

import pytest

from extract.core.schema import TABLES
from extract.core.table_set import MANIFEST
from extract.evaluate.score import load_gold_dir, score_tables
from extract.run.runner import run

ROOT = Path(__file__).resolve().parents[1]
FLOORS = tomllib.loads((Path(__file__).parent / "score_floors.toml").read_text(encoding="utf-8"))
#: run -> the folder of its raw texts
RAW = {
    "dev": ROOT / "raw",
    "extra": ROOT / "gold" / "extra" / "raw",
    "real": ROOT / "gold" / "real" / "raw",
}
#: gold set (a folder under gold/, a table of score_floors.toml) -> the run it scores
GOLD = {"dev": "dev", "extra": "extra", "real/tune": "real", "real/test": "real"}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> dict[str, Path]:
    outs = {}
    for name, raw in RAW.items():
        outs[name] = tmp_path_factory.mktemp(name)
        run(raw, outs[name], progress=False)
    return outs


@pytest.fixture(scope="module")
def scores(fresh):
    return {
        gold: score_tables(load_gold_dir(ROOT / "gold" / gold), fresh[run_name]).overall
        for gold, run_name in GOLD.items()
    }


@pytest.mark.parametrize("table", list(TABLES))
def test_committed_tables_are_what_the_pipeline_gives(fresh, table):
    committed = ROOT / "extracted" / f"{table}.parquet"
    produced = fresh["dev"] / f"{table}.parquet"
    assert committed.read_bytes() == produced.read_bytes(), "run `make extract` and commit extracted/"


def test_committed_manifest_is_what_the_pipeline_gives(fresh):
    committed = ROOT / "extracted" / MANIFEST
    produced = fresh["dev"] / MANIFEST
    assert committed.read_bytes() == produced.read_bytes(), "run `make extract` and commit extracted/"


@pytest.mark.parametrize(("gold", "key"), [(g, k) for g in FLOORS for k in sorted(FLOORS[g])])
def test_score_stays_above_its_floor(scores, gold, key):
    value, floor = scores[gold].count(key).f1, FLOORS[gold][key]
    assert value >= floor, f"{gold} {key}: F1 {value:.3f} fell below its floor {floor}"
