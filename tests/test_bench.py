"""The benchmark's corpus and measuring: deterministic, distinct documents, languages in raw/'s shares."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "bench.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_under_test", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def sources(bench):
    english = bench.Source(
        "a.txt",
        "en",
        "Acme opens a lab",
        (
            "Acme Corporation opened a laboratory in Lyon on 3 March 2021. It will hire staff.",
            "Marie Dupont, director of Acme, said the site was chosen in 2019. She thanked Lyon.",
            "The University of Grenoble is a partner. Its president, John Smith, welcomed it.",
        ),
    )
    french = bench.Source(
        "b.txt",
        "fr",
        "Un partenariat",
        (
            "L'Institut Pasteur et le CNRS signent un accord le 12 janvier 2022.",
            "Jean Martin a salué l'accord.",
        ),
    )
    return [english, english, english, english, french]


def test_french_share_follows_the_sources(bench, sources) -> None:
    # 1 French source in 5: documents 4 and 9 of 10 are French (one in every five, evenly spread).
    langs = bench.languages(sources, 10)
    assert [i for i, lang in enumerate(langs) if lang == "fr"] == [4, 9]


def test_same_seed_gives_the_same_corpus(bench, sources) -> None:
    assert bench.build_corpus(sources, 12, seed=7) == bench.build_corpus(sources, 12, seed=7)


def test_other_seed_gives_another_corpus(bench, sources) -> None:
    assert bench.build_corpus(sources, 12, seed=7) != bench.build_corpus(sources, 12, seed=8)


def test_documents_are_all_distinct(bench, sources) -> None:
    # Far more documents than sources: without variation, the cache would reuse all but two.
    corpus = bench.build_corpus(sources, 40)
    assert len({text for text, _ in corpus}) == 40


def test_a_document_keeps_its_source_title_first(bench, sources) -> None:
    corpus = bench.build_corpus(sources[:1], 3)
    assert all(text.split("\n", 1)[0] == "Acme opens a lab" for text, _ in corpus)


def test_the_long_single_line_has_its_length_and_no_line_break(bench, sources) -> None:
    corpus = bench.build_corpus(sources, 10)
    text = bench.long_text(corpus, 20_000, single_line=True)
    assert (len(text), "\n" in text) == (20_000, False)


def test_the_long_page_is_one_english_document_a_line(bench, sources) -> None:
    corpus = bench.build_corpus(sources, 10)
    lines = bench.long_text(corpus, 20_000, single_line=False).split("\n")
    english = [" ".join(text.split()) for text, lang in corpus if lang == "en"]
    assert lines[: len(english)] == english


def test_same_tables_compares_bytes(bench, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    for folder in (one, two):
        folder.mkdir()
        for name in ("documents", "mentions", "entities", "relations"):
            (folder / f"{name}.parquet").write_bytes(b"same")
    assert bench.same_tables(one, two)
    (two / "relations.parquet").write_bytes(b"other")
    assert not bench.same_tables(one, two)


def test_measure_reads_the_last_json_line_and_memory(bench) -> None:
    script = "import json, time; time.sleep(0.3); print('x'); print(json.dumps({'k': 2}))"
    command = [sys.executable, "-c", script]
    result = bench.measure("tiny", command)
    assert result.returncode == 0
    assert result.detail == {"k": 2}
    assert result.peak_rss_mb > 0


# --- the re-run with nothing changed skips the normalise stage (extract.run.runner) -----------------


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[Path]]:
    """A work folder with stand-in inputs, and the calls of a stand-in normalise stage that writes tables."""
    from extract.core.schema import TABLES
    from extract.run import stages
    from extract.run.runner import NORMALISE_INPUTS

    folder = tmp_path / ".cache"
    folder.mkdir()
    for name in NORMALISE_INPUTS:
        (folder / name).write_bytes(name.encode())
    calls: list[Path] = []

    def normalise(path: Path, **_: object) -> None:
        calls.append(path)
        (path / "tables").mkdir(exist_ok=True)
        for name in TABLES:
            (path / "tables" / f"{name}.parquet").write_bytes(b"table")

    monkeypatch.setattr(stages, "normalise_stage", normalise)
    return folder, calls


def test_normalise_runs_once_for_the_same_inputs(work) -> None:
    from extract.run.runner import normalise_if_changed

    folder, calls = work
    normalise_if_changed(folder)
    normalise_if_changed(folder)
    assert len(calls) == 1


def test_normalise_runs_again_when_an_input_changes(work) -> None:
    from extract.run.runner import normalise_if_changed

    folder, calls = work
    normalise_if_changed(folder)
    (folder / "recognised.parquet").write_bytes(b"one more document")
    normalise_if_changed(folder)
    assert len(calls) == 2


def test_normalise_runs_again_when_a_table_is_missing(work) -> None:
    from extract.run.runner import normalise_if_changed

    folder, calls = work
    normalise_if_changed(folder)
    (folder / "tables" / "mentions.parquet").unlink()
    normalise_if_changed(folder)
    assert len(calls) == 2
