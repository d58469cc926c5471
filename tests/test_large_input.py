"""A 50 MB text goes through ingest, segmentation and block planning in bounded pieces, offsets kept.

The models then read it block by block (tested on a smaller text in test_bad_input.py): spaCy's
small models read some 20-30 KB/s on this machine, so a 50 MB text through the models would take
about half an hour, too long for `make test`; what can go wrong with size is tested here.
"""

import tracemalloc
from pathlib import Path

import pytest

from conftest import long_release
from extract.core.settings import load_settings
from extract.ingest.files import ingest
from extract.ingest.segment import segment
from extract.recognise.recogniser import plan_blocks

SETTINGS = load_settings()
FIFTY_MB = 50 * 1024 * 1024
ENDING = "The board met again on 3 March 2031."


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> tuple[str, list]:
    folder = tmp_path_factory.mktemp("large")
    path = folder / "large.txt"
    path.write_text(long_release(FIFTY_MB, ending=ENDING), encoding="utf-8")
    found = ingest(path, folder, max_file_bytes=SETTINGS.ingest_max_file_bytes)
    return found, segment(found.text, SETTINGS)


def test_fifty_megabytes_are_read_whole(large):
    found, _ = large
    assert found.status == "ok"
    assert len(found.text) >= FIFTY_MB and found.text.endswith(ENDING)


def test_blocks_stay_under_the_model_limit_and_lose_no_paragraph(large):
    found, paragraphs = large
    blocks = plan_blocks(found.text, paragraphs, SETTINGS.recognise_max_block_chars)
    assert max(b.end - b.start for b in blocks) <= SETTINGS.recognise_max_block_chars
    covered = sum(b.end - b.start for b in blocks)
    assert covered >= sum(p.end - p.start for p in paragraphs if not p.boilerplate)
    assert found.text[blocks[-1].start : blocks[-1].end].endswith(ENDING)


def test_planning_blocks_of_a_large_text_holds_no_copy_of_it(large):
    found, paragraphs = large
    tracemalloc.start()
    plan_blocks(found.text, paragraphs, SETTINGS.recognise_max_block_chars)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < len(found.text) // 4


def test_large_file_over_the_limit_is_skipped_before_it_is_read(tmp_path: Path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * 2_000)
    found = ingest(path, tmp_path, max_file_bytes=1_000)
    assert (found.status, found.sha256) == ("skipped", "")
    assert "over the limit of 1000 bytes" in found.message
