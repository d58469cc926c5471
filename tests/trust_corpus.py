"""The three short releases that the trust tests (tests/test_trust*.py) run the pipeline over."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extract.core.schema import TABLES
from extract.core.settings import load_settings
from extract.run.runner import run

TEXT = (
    "{org} opens a new research wing\n\n"
    "Leeds, 14 March 2024 – {org} today opened a new research wing funded by the city. "
    "Dr Sarah Jones, director of research at {org}, said the wing would host forty scientists.\n"
)
NAMES = ("a.txt", "b.txt", "c.txt")
ORGS = ("Greenfield Hospital", "Northwind Bank", "Acme Robotics")


@dataclass(frozen=True)
class Done:
    """An output folder after a complete run over three texts (read only: tests copy what they change)."""

    raw: Path
    out: Path


def complete_run(root: Path) -> Done:
    """Write the three releases under ``root/raw`` and run the pipeline into ``root/out``."""
    raw, out = root / "raw", root / "out"
    raw.mkdir()
    for name, org in zip(NAMES, ORGS, strict=True):
        (raw / name).write_text(TEXT.format(org=org))
    run(raw, out, settings=load_settings(), progress=False)
    return Done(raw, out)


def tables_bytes(out: Path) -> dict[str, bytes]:
    """The bytes of each of the four tables of ``out``."""
    return {name: (out / f"{name}.parquet").read_bytes() for name in TABLES}


#: A word that makes the recogniser raise, for the tests of a document that fails a stage.
MARKER = "XYZZY-FAULT"


def recogniser_fails_on_marker(monkeypatch) -> None:
    """Make recognition raise for any batch holding a text with :data:`MARKER` (a pytest monkeypatch)."""
    from extract.recognise.recogniser import Recogniser

    real = Recogniser.recognise

    def recognise(self, documents):
        documents = list(documents)
        if any(MARKER in text for text, _ in documents):
            raise RuntimeError(f"cannot read {MARKER}")
        return real(self, documents)

    monkeypatch.setattr(Recogniser, "recognise", recognise)
