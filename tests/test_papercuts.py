"""The last papercuts of issue 16, item 13: an old Python, trafilatura's nameless lines, a missing model's
package, and ``pipeline/ingest.py --raw FILE``."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.cli.stages import ingest as ingest_stage
from extract.core.errors import message

ROOT = Path(__file__).resolve().parents[1]

# --- pipeline/ingest.py --raw FILE ----------------------------------------------------------------------


def test_ingest_stage_with_a_file_for_raw_stops_before_making_the_output_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw, out = tmp_path / "release.txt", tmp_path / "out"
    raw.write_text("Acme Corp named Jane Doe chief executive in March 2020.\n")
    assert ingest_stage(["--raw", str(raw), "--work", str(out / ".cache")]) == 2
    assert capsys.readouterr().err.strip() == f"pipeline/ingest.py: {message('run.raw_not_folder', path=raw)}"
    assert not out.exists()
