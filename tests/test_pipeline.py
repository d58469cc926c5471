"""The pipeline end to end on a small corpus written for the tests: every format, both languages,
the table contract, determinism and incremental runs."""

import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import build_pdf
from extract.core.schema import TABLES
from extract.run.runner import run

EN = (
    "Acme Robotics signs a partnership with the University of Melbourne\n"
    "Melbourne, March 3, 2021. Prof. Anne Martin, Chief Executive Officer of Acme Robotics, "
    "announced the agreement with the University of Melbourne.\n"
)
FR = (
    "Lyon, le 17 décembre 2020\n"
    "Le Pr Jean Dupont, directeur général de l'Institut Pasteur, a annoncé un partenariat avec "
    "l'Université de Lyon, soutenu par la Fondation de France.\n"
)
MIXED = (
    "The Université de Lyon and the Institut Pasteur announced a joint laboratory in June 2019, "
    "funded by the European Union.\n"
    "L'Université de Lyon et l'Institut Pasteur ont annoncé un laboratoire commun en juin 2019, "
    "financé par l'Union européenne.\n"
)
HTML = """<html><head><title>Acme Robotics opens a lab</title></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Acme Robotics opens a lab</h1>
<p>Acme Robotics opened a research laboratory in Boston on 12 May 2022 with the Massachusetts
Institute of Technology (MIT). The laboratory is funded by the National Science Foundation.</p>
<p>Dr. Laura Chen will direct the laboratory, which will employ forty engineers from MIT.</p>
</article><footer>Share this page</footer></body></html>"""


def make_corpus(raw: Path) -> Path:
    raw.mkdir()
    (raw / "en.txt").write_text(EN, encoding="utf-8")
    (raw / "fr.txt").write_text(FR, encoding="utf-8")
    (raw / "mixed.txt").write_text(MIXED, encoding="utf-8")
    (raw / "news").mkdir()
    (raw / "news" / "lab.html").write_text(HTML, encoding="utf-8")
    build_pdf(
        raw / "release.pdf",
        [
            ["Dr. Laura Chen joins the Massachusetts Institute of Technology", "in January 2023."],
            ["The National Science Foundation funds her group."],
        ],
        header="Acme Press Release",
    )
    return raw


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("corpus")
    raw = make_corpus(base / "raw")
    out = base / "out"
    summary = run(raw, out, progress=False)
    return raw, out, summary


def read(out: Path, name: str) -> list[dict]:
    return pq.read_table(out / f"{name}.parquet").to_pylist()


def test_every_table_has_its_exact_schema(corpus):
    _, out, _ = corpus
    for name, schema in TABLES.items():
        assert pq.read_schema(out / f"{name}.parquet").remove_metadata() == schema


def test_every_format_and_language_is_read(corpus):
    _, out, _ = corpus
    docs = {d["path"]: (d["format"], d["lang"], d["status"]) for d in read(out, "documents")}
    assert docs == {
        "en.txt": ("txt", "en", "ok"),
        "fr.txt": ("txt", "fr", "ok"),
        "mixed.txt": ("txt", "mixed", "ok"),
        "news/lab.html": ("html", "en", "ok"),
        "release.pdf": ("pdf", "en", "ok"),
    }


def test_html_title_is_kept(corpus):
    _, out, _ = corpus
    titles = {d["path"]: d["title"] for d in read(out, "documents")}
    assert titles["news/lab.html"] == "Acme Robotics opens a lab"


def test_mention_texts_are_the_document_texts_at_their_offsets(corpus):
    _, out, _ = corpus
    texts = {d["doc_id"]: d["text"] for d in read(out, "documents")}
    mentions = read(out, "mentions")
    assert mentions
    assert all(texts[m["doc_id"]][m["start"] : m["end"]] == m["text"] for m in mentions)


def test_each_paragraph_is_read_in_its_own_language(corpus):
    _, out, _ = corpus
    docs = {d["doc_id"]: d["path"] for d in read(out, "documents")}
    langs = {m["lang"] for m in read(out, "mentions") if docs[m["doc_id"]] == "mixed.txt"}
    assert langs == {"en", "fr"}


def test_pdf_and_html_give_mentions(corpus):
    _, out, _ = corpus
    docs = {d["doc_id"]: d["path"] for d in read(out, "documents")}
    found = {(docs[m["doc_id"]], m["label"], m["text"]) for m in read(out, "mentions")}
    assert ("release.pdf", "PERSON", "Laura Chen") in found
    assert ("news/lab.html", "ORG", "MIT") in found
    assert ("news/lab.html", "DATE", "12 May 2022") in found


def test_one_entity_for_one_organisation_across_documents(corpus):
    _, out, _ = corpus
    entities = [e for e in read(out, "entities") if e["name"] == "Institut Pasteur"]
    assert len(entities) == 1 and entities[0]["n_docs"] == 2


def test_dates_are_normalised(corpus):
    _, out, _ = corpus
    values = {m["text"]: m["value"] for m in read(out, "mentions") if m["label"] == "DATE"}
    assert values["March 3, 2021"] == "2021-03-03"
    assert values["17 décembre 2020"] == "2020-12-17"
    assert values["juin 2019"] == "2019-06"


def test_same_inputs_give_byte_identical_tables(corpus, tmp_path):
    raw, out, _ = corpus
    other = tmp_path / "again"
    run(raw, other, progress=False)
    for name in TABLES:
        assert (other / f"{name}.parquet").read_bytes() == (out / f"{name}.parquet").read_bytes()


def test_rerun_with_nothing_new_loads_no_model(corpus, tmp_path):
    raw, out, _ = corpus
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    summary = run(raw, copy, progress=False)
    assert (summary.processed, summary.models, summary.changed) == (0, [], [])


def test_adding_one_file_processes_that_file_only(corpus, tmp_path):
    raw, out, _ = corpus
    raw2, out2 = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(raw, raw2)
    shutil.copytree(out, out2)
    (raw2 / "new.txt").write_text(
        "Beta Labs appointed Dr. Omar Haddad as director in 2024.\n", encoding="utf-8"
    )
    summary = run(raw2, out2, progress=False)
    assert (summary.processed, summary.reused, summary.documents) == (1, 5, 6)
