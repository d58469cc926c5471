"""The same releases read from PDF, a web page and a Word file give what their .txt gives.

Six releases (three of ``raw/``, three of ``gold/extra/raw``, English and French) are rendered by
:mod:`renderings` and run through the whole pipeline, each format in a run of its own. Agreement is the
F1 of a rendering's mentions (text, label) and relations (subject name, predicate, object name) against
the .txt's, pooled over the six: the .txt is the reference, not gold, so this measures what the format
costs and nothing else.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from renderings import FRAME_WORDS, render_docx, render_forward, render_html, render_pdf

ROOT = Path(__file__).resolve().parents[1]
RELEASES = (
    ROOT / "raw" / "000_d4a72e297df3e722.txt",
    ROOT / "raw" / "001_f66f4c5769d00aac.txt",
    ROOT / "raw" / "003_07829199df6ee778.txt",
    ROOT / "gold" / "extra" / "raw" / "001_university_quantum_partnership.txt",
    ROOT / "gold" / "extra" / "raw" / "002_company_series_b.txt",
    ROOT / "gold" / "extra" / "raw" / "005_universite_alliance_ia.txt",
)
RENDERERS: dict[str, Callable[[str, Path], Path]] = {
    "pdf": render_pdf,
    "html": render_html,
    "docx": render_docx,
    "eml": render_forward,
}
MENTIONS_FLOOR = 0.90
RELATIONS_FLOOR = 0.85


def _tables(raw: Path, out: Path) -> dict[str, list[dict]]:
    """The four tables of a run over ``raw``, as rows."""
    import pyarrow.parquet as pq

    from extract.run.runner import run

    run(raw, out, progress=False)
    return {name: pq.read_table(out / f"{name}.parquet").to_pylist() for name in
            ("documents", "mentions", "relations", "entities")}  # fmt: skip


def _facts(tables: dict[str, list[dict]]) -> tuple[Counter, Counter]:
    """Mentions as (release, text, label) and relations as (release, subject, predicate, object).

    An e-mail's attached PDF is a release of its own, ``<stem>#attached``: it counts in the agreement
    as an extra document (precision falls if the reader joined it to the body, or read it twice).
    """
    stem = {d["doc_id"]: Path(d["path"]).stem.replace(".eml#release", "#attached")
            for d in tables["documents"]}  # fmt: skip
    name = {e["entity_id"]: e["name"] for e in tables["entities"]}
    mentions = Counter((stem[m["doc_id"]], m["text"], m["label"]) for m in tables["mentions"])
    relations = Counter(
        (stem[r["doc_id"]], name.get(r["subject_id"]), r["predicate"], name.get(r["object_id"]))
        for r in tables["relations"]
    )
    return mentions, relations


def f1(found: Counter, reference: Counter) -> float:
    """F1 of two multisets; 1.0 when both are empty."""
    if not found and not reference:
        return 1.0
    common = sum((found & reference).values())
    return 2 * common / (sum(found.values()) + sum(reference.values()))


@pytest.fixture(scope="module")
def agreement(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[float, float, list[dict]]]:
    """Per format: mentions F1, relations F1 and the documents rows of its run."""
    root = tmp_path_factory.mktemp("formats")
    texts = {path.stem: path.read_text(encoding="utf-8") for path in RELEASES}
    (root / "txt").mkdir()
    for stem, text in texts.items():
        (root / "txt" / f"{stem}.txt").write_text(text, encoding="utf-8")
    reference = _facts(_tables(root / "txt", root / "out-txt"))
    attached = Counter({(f"{key[0]}#attached", *key[1:]): n for key, n in reference[0].items()})
    attached_relations = Counter({(f"{key[0]}#attached", *key[1:]): n for key, n in reference[1].items()})
    result = {}
    for fmt, render in RENDERERS.items():
        (root / fmt).mkdir()
        for stem, text in texts.items():
            render(text, root / fmt / f"{stem}.{fmt}")
        tables = _tables(root / fmt, root / f"out-{fmt}")
        mentions, relations = _facts(tables)
        expected = (reference[0] + attached, reference[1] + attached_relations) if fmt == "eml" else reference
        result[fmt] = (f1(mentions, expected[0]), f1(relations, expected[1]), tables["documents"])
    print("\n| format | mentions agree with .txt | relations agree with .txt |")
    print("| --- | ---: | ---: |")
    for fmt, (m, r, _) in result.items():
        print(f"| {fmt} | {m:.2f} | {r:.2f} |")
    return result


@pytest.mark.slow
@pytest.mark.parametrize("fmt", list(RENDERERS))
def test_a_rendering_agrees_with_its_txt_on_mentions(agreement, fmt: str) -> None:
    assert agreement[fmt][0] >= MENTIONS_FLOOR


@pytest.mark.slow
@pytest.mark.parametrize("fmt", list(RENDERERS))
def test_a_rendering_agrees_with_its_txt_on_relations(agreement, fmt: str) -> None:
    assert agreement[fmt][1] >= RELATIONS_FLOOR


@pytest.mark.slow
@pytest.mark.parametrize("fmt", list(RENDERERS))
def test_no_frame_text_is_left_in_a_rendering(agreement, fmt: str) -> None:
    texts = [d["text"] or "" for d in agreement[fmt][2]]
    assert [word for word in FRAME_WORDS if any(word in text for text in texts)] == []


@pytest.mark.slow
def test_an_eml_with_a_pdf_attached_gives_two_documents_each(agreement) -> None:
    paths = sorted(d["path"] for d in agreement["eml"][2] if d["status"] == "ok")
    expected = [p for path in RELEASES for p in (f"{path.stem}.eml", f"{path.stem}.eml#release.pdf")]
    assert paths == sorted(expected)
