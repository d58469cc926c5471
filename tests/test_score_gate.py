"""The CI gate: the pipeline, run afresh on raw/, gives the committed tables and scores above its floors.

A change of rules that lowers a score below ``score_floors.toml`` fails here; so does a change that
alters the output without the committed ``extracted/`` tables being regenerated (``make extract``).
"""

import tomllib
from pathlib import Path

import pytest

from extract.runner import run
from extract.schema import TABLES
from extract.score import load_gold_dir, score_tables

ROOT = Path(__file__).resolve().parents[1]
FLOORS = tomllib.loads((Path(__file__).parent / "score_floors.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("fresh")
    run(ROOT / "raw", out, progress=False)
    return out


@pytest.fixture(scope="module")
def scores(fresh):
    return score_tables(load_gold_dir(ROOT / "gold" / "dev"), fresh).overall


@pytest.mark.parametrize("name", list(TABLES))
def test_committed_tables_are_what_the_pipeline_gives(fresh, name):
    committed = ROOT / "extracted" / f"{name}.parquet"
    assert committed.read_bytes() == (fresh / f"{name}.parquet").read_bytes(), "run `make extract` and commit"


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_score_stays_above_its_floor(scores, key):
    value = scores.count(key).f1
    assert value >= FLOORS[key], f"{key}: F1 {value:.3f} fell below its floor {FLOORS[key]}"
