"""Trust, continued: odd names, damaged work files, environment failures and command-line papercuts.

Cases of issue 16 (items 7, 9, 11 and the rest of 13) that tests/test_trust.py does not cover.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow.parquet as pq

from extract.core.settings import load_settings
from extract.ingest.files import doc_id_for
from extract.run.runner import run

TEXT = (
    "{org} opens a new research wing\n\n"
    "Leeds, 14 March 2024 – {org} today opened a new research wing funded by the city. "
    "Dr Sarah Jones, director of research at {org}, said the wing would host forty scientists.\n"
)


def test_names_differing_only_in_invalid_utf8_bytes_get_two_doc_ids(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    for name, org in ((b"release-\xff.txt", "Northwind Bank"), (b"release-\xfe.txt", "Acme Robotics")):
        Path(os.fsdecode(os.fsencode(raw) + b"/" + name)).write_text(TEXT.format(org=org))
    (raw / "café.txt").write_text(TEXT.format(org="Greenfield Hospital"))
    run(raw, out, settings=load_settings(), progress=False)
    documents = pq.read_table(out / "documents.parquet").to_pylist()
    ids = {d["path"]: d["doc_id"] for d in documents if d["path"] == "café.txt"}
    assert ids == {"café.txt": doc_id_for("café.txt")}  # a UTF-8 name keeps the ID of its UTF-8 bytes
    odd = [d for d in documents if d["path"] != "café.txt"]
    assert [d["path"] for d in odd] == ["release-\ufffd.txt"] * 2  # shown readably, alike
    assert len({d["doc_id"] for d in odd}) == 2
    assert all(d["status"] == "ok" for d in documents)
