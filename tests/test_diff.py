"""``extract diff``: rows matched by key, summaries, filters, output formats, git revisions."""

from __future__ import annotations

import argparse
import copy
import io
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from extract.cli.diff import register as register_diff
from extract.core.errors import ExtractError
from extract.core.table_set import write_tables
from extract.core.tables import to_table
from extract.review import diff, render

Rows = dict[str, list[dict[str, Any]]]


def document(doc_id: str, path: str, text: str) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "path": path,
        "sha256": f"sha-{doc_id}",
        "format": "txt",
        "lang": "en",
        "title": None,
        "text": text,
        "n_chars": len(text),
        "status": "ok",
        "message": None,
    }


def mention(
    mention_id: str,
    doc_id: str,
    start: int,
    text: str,
    label: str,
    entity_id: str | None,
    value: str | None = None,
) -> dict[str, Any]:
    return {
        "mention_id": mention_id,
        "doc_id": doc_id,
        "start": start,
        "end": start + len(text),
        "text": text,
        "label": label,
        "entity_id": entity_id,
        "value": value,
        "lang": "en",
        "source": "model",
    }


def entity(entity_id: str, type_: str, name: str, aliases: list[str], n_mentions: int = 1) -> dict[str, Any]:
    return {
        "entity_id": entity_id,
        "type": type_,
        "name": name,
        "aliases": aliases,
        "n_docs": 1,
        "n_mentions": n_mentions,
    }


def relation(
    relation_id: str,
    doc_id: str,
    subject_id: str,
    predicate: str,
    object_id: str,
    evidence: str,
    role: str | None = None,
    date: str | None = None,
) -> dict[str, Any]:
    return {
        "relation_id": relation_id,
        "doc_id": doc_id,
        "subject_id": subject_id,
        "predicate": predicate,
        "object_id": object_id,
        "role": role,
        "date": date,
        "start": 0,
        "end": len(evidence),
        "evidence": evidence,
    }


A_TEXT = "Acme hired Jane Doe in 2020."
B_TEXT = "Initech and Acme sign a partnership."


def base_rows() -> Rows:
    """Two documents: a.txt (Acme, Jane Doe, 2020) and b.txt (Initech, Acme)."""
    return {
        "documents": [document("d1", "raw/a.txt", A_TEXT), document("d2", "raw/b.txt", B_TEXT)],
        "mentions": [
            mention("m1", "d1", 0, "Acme", "ORG", "e1"),
            mention("m2", "d1", 11, "Jane Doe", "PERSON", "e2"),
            mention("m3", "d1", 23, "2020", "DATE", None, value="2020"),
            mention("m4", "d2", 0, "Initech", "ORG", "e3"),
            mention("m5", "d2", 12, "Acme", "ORG", "e1"),
        ],
        "entities": [
            entity("e1", "ORG", "Acme", ["ACME"], n_mentions=2),
            entity("e2", "PERSON", "Jane Doe", []),
            entity("e3", "ORG", "Initech", []),
        ],
        "relations": [
            relation("r1", "d1", "e2", "works_for", "e1", A_TEXT, date="2020"),
            relation("r2", "d2", "e3", "partner_of", "e1", B_TEXT),
        ],
    }


def side(rows: Rows, label: str) -> diff.Side:
    """A side built the way the pipeline builds tables: through ``to_table``."""
    tables = {name: to_table(name, table_rows).to_pylist() for name, table_rows in rows.items()}
    return diff.Side(label=label, tables=tables)


def with_document_c(rows: Rows) -> Rows:
    """``rows`` plus c.txt, which names a new organisation, Globex, and a date."""
    rows = copy.deepcopy(rows)
    rows["documents"].append(document("d3", "raw/c.txt", "Globex opens in May 2021."))
    rows["mentions"] += [
        mention("m6", "d3", 0, "Globex", "ORG", "e4"),
        mention("m7", "d3", 16, "May 2021", "DATE", None, value="2021-05"),
    ]
    rows["entities"].append(entity("e4", "ORG", "Globex", []))
    return rows


def with_rule_change(rows: Rows) -> Rows:
    """``rows`` after a rule change: m1 one character longer, e1 renamed."""
    rows = copy.deepcopy(rows)
    rows["mentions"][0].update(end=5, text="Acme ")
    rows["entities"][0]["name"] = "Acme Corp"
    return rows


def keys(rows: list[dict[str, Any]], column: str) -> list[str]:
    return [row[column] for row in rows]


def run_diff(
    argv: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    """Run ``extract diff ARGV`` in ``cwd``; return its exit status and output."""
    parser = argparse.ArgumentParser()
    register_diff(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["diff", *argv])
    monkeypatch.chdir(cwd)
    code = args.func(args)
    return code, capsys.readouterr().out


# --- matching rows -----------------------------------------------------------------------


def test_adding_a_document_reports_its_rows_as_added() -> None:
    report = diff.compare(side(base_rows(), "old"), side(with_document_c(base_rows()), "new"))
    assert keys(report.table("documents").added, "doc_id") == ["d3"]
    assert keys(report.table("mentions").added, "mention_id") == ["m6", "m7"]
    assert keys(report.table("entities").added, "entity_id") == ["e4"]
    assert not report.table("relations").has_changes
    assert report.has_changes


def test_removing_a_document_reports_its_rows_as_removed() -> None:
    rows = base_rows()
    rows["documents"] = rows["documents"][:1]
    rows["mentions"] = [row for row in rows["mentions"] if row["doc_id"] == "d1"]
    rows["relations"] = rows["relations"][:1]
    report = diff.compare(side(base_rows(), "old"), side(rows, "new"))
    assert keys(report.table("documents").removed, "doc_id") == ["d2"]
    assert keys(report.table("mentions").removed, "mention_id") == ["m4", "m5"]
    assert keys(report.table("relations").removed, "relation_id") == ["r2"]
    assert report.table("documents").added == []


def test_a_rule_change_reports_the_changed_columns_old_and_new() -> None:
    report = diff.compare(side(base_rows(), "old"), side(with_rule_change(base_rows()), "new"))
    [mention_change] = report.table("mentions").changed
    assert mention_change.key == ("m1",)
    assert {c.column: (c.old, c.new) for c in mention_change.columns} == {
        "end": (4, 5),
        "text": ("Acme", "Acme "),
    }
    [entity_change] = report.table("entities").changed
    assert [(c.column, c.old, c.new) for c in entity_change.columns] == [("name", "Acme", "Acme Corp")]
    assert report.table("mentions").added == report.table("mentions").removed == []


def test_rows_are_matched_by_key_not_by_position() -> None:
    rows = base_rows()
    rows["mentions"].insert(0, mention("m0", "d1", 0, "Acme", "ORG", "e1"))  # sorts before m1
    report = diff.compare(side(base_rows(), "old"), side(rows, "new"))
    assert keys(report.table("mentions").added, "mention_id") == ["m0"]
    assert report.table("mentions").changed == []


def test_aliases_are_compared_as_lists() -> None:
    rows = base_rows()
    rows["entities"][0]["aliases"] = ["ACME", "Acme Inc."]
    [change] = diff.compare(side(base_rows(), "old"), side(rows, "new")).table("entities").changed
    assert [(c.column, c.old, c.new) for c in change.columns] == [
        ("aliases", ["ACME"], ["ACME", "Acme Inc."])
    ]


def test_identical_sides_have_no_change() -> None:
    report = diff.compare(side(base_rows(), "old"), side(base_rows(), "new"))
    assert not report.has_changes


def test_a_duplicate_key_stops_the_diff() -> None:
    rows = base_rows()
    rows["mentions"].append(mention("m1", "d2", 30, "Acme", "ORG", "e1"))
    with pytest.raises(ExtractError) as caught:
        diff.compare(side(base_rows(), "old"), side(rows, "new"))
    assert caught.value.key == "diff.duplicate_key"


# --- summary --------------------------------------------------------------------------------


def test_summary_counts_rows_per_label_before_and_after() -> None:
    report = diff.compare(side(base_rows(), "old"), side(with_document_c(base_rows()), "new"))
    counts = {(c.table, c.group): (c.before, c.after, c.delta) for c in report.summary}
    # before: ORG m1 m4 m5, PERSON m2, DATE m3; c.txt adds ORG m6 and DATE m7
    assert counts[("mentions", "ORG")] == (3, 4, 1)
    assert counts[("mentions", "PERSON")] == (1, 1, 0)
    assert counts[("mentions", "DATE")] == (1, 2, 1)
    assert counts[("documents", "all")] == (2, 3, 1)
    assert counts[("entities", "ORG")] == (2, 3, 1)
    assert counts[("relations", "partner_of")] == (1, 1, 0)


# --- filters -----------------------------------------------------------------------------


def test_doc_filter_by_path_keeps_that_documents_rows_and_entities() -> None:
    new = with_rule_change(with_document_c(base_rows()))
    report = diff.compare(side(base_rows(), "old"), side(new, "new"), filters=diff.Filters(doc="raw/c.txt"))
    assert keys(report.table("mentions").added, "mention_id") == ["m6", "m7"]
    assert report.table("mentions").changed == []  # m1 is in a.txt
    assert keys(report.table("entities").added, "entity_id") == ["e4"]
    assert report.table("entities").changed == []  # e1 is not named in c.txt


def test_doc_filter_accepts_a_file_name_and_a_doc_id() -> None:
    sides = (side(base_rows(), "old"),)
    assert diff.resolve_doc("b.txt", sides) == diff.resolve_doc("d2", sides) == {"d2"}


def test_unknown_doc_is_an_error() -> None:
    with pytest.raises(ExtractError) as caught:
        diff.compare(side(base_rows(), "old"), side(base_rows(), "new"), filters=diff.Filters(doc="z.txt"))
    assert caught.value.key == "diff.unknown_doc"


def test_label_filter_keeps_mentions_and_entities_of_that_label() -> None:
    new = with_rule_change(with_document_c(base_rows()))
    report = diff.compare(side(base_rows(), "old"), side(new, "new"), filters=diff.Filters(label="DATE"))
    assert [d.name for d in report.tables] == ["mentions", "entities"]
    assert keys(report.table("mentions").added, "mention_id") == ["m7"]
    assert report.table("mentions").changed == []
    assert not report.table("entities").has_changes


def test_predicate_filter_keeps_relations_and_facts_of_that_predicate() -> None:
    rows = base_rows()
    for row in rows["relations"]:
        row["evidence"] += " (updated)"
    report = diff.compare(
        side(base_rows(), "old"), side(rows, "new"), filters=diff.Filters(predicate="heads")
    )
    assert [d.name for d in report.tables] == ["relations", "facts"]
    assert not report.has_changes  # both changed relations are works_for and partner_of


def test_table_filter_compares_one_table() -> None:
    report = diff.compare(
        side(base_rows(), "old"),
        side(with_rule_change(base_rows()), "new"),
        filters=diff.Filters(table="entities"),
    )
    assert [d.name for d in report.tables] == ["entities"]
    assert [c.group for c in report.summary] == ["all", "ORG", "PERSON"]


# --- output ---------------------------------------------------------------------------------


def test_rows_are_described_for_a_reader() -> None:
    names = render.Names.of(side(base_rows(), "old"))
    rows = base_rows()
    assert render.describe("mentions", rows["mentions"][2], names) == 'raw/a.txt:23-27 DATE "2020" (2020)'
    assert render.describe("entities", rows["entities"][0], names) == "ORG Acme [ACME]"
    assert render.describe("relations", rows["relations"][0], names) == (
        f'Jane Doe — works_for — Acme (2020): "{A_TEXT}"'
    )


def test_relation_falls_back_to_ids_without_entities() -> None:
    names = render.Names.of(diff.Side(label="old", tables={}))
    text = render.describe("relations", relation("r9", "d1", "e8", "heads", "e9", "X heads Y."), names)
    assert text == 'e8 — heads — e9: "X heads Y."'


def test_markdown_shows_summary_added_and_changed_lines() -> None:
    new = with_rule_change(with_document_c(base_rows()))
    text = render.markdown(diff.compare(side(base_rows(), "old"), side(new, "new")))
    lines = text.splitlines()
    assert "| mentions | ORG | 3 | 4 | +1 |" in lines
    assert '+ raw/c.txt:0-6 ORG "Globex"' in lines
    assert '~ raw/a.txt:0-5 ORG "Acme "' in lines
    assert "    end: 4 → 5" in lines
    assert '    name: "Acme" → "Acme Corp"' in lines
    assert "### relations: no change" not in lines  # unchanged tables only appear in the summary


def test_limit_shows_how_many_rows_were_left_out() -> None:
    text = render.markdown(
        diff.compare(side(base_rows(), "old"), side(with_document_c(base_rows()), "new")), limit=1
    )
    assert "... and 1 more" in text.splitlines()  # two mentions added, one shown
    assert "May 2021" not in text


def test_terminal_output_has_no_colour_codes_when_not_a_terminal() -> None:
    out = io.StringIO()
    render.terminal(
        diff.compare(side(base_rows(), "old"), side(with_document_c(base_rows()), "new")), file=out
    )
    assert "\x1b[" not in out.getvalue()
    assert "+ ORG Globex" in out.getvalue().splitlines()


def test_no_color_drops_colours_even_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich then writes escape codes as on a terminal
    report = diff.compare(side(base_rows(), "old"), side(with_document_c(base_rows()), "new"))
    coloured, plain = io.StringIO(), io.StringIO()
    render.terminal(report, file=coloured)
    render.terminal(report, file=plain, color=False)
    assert "\x1b[32m+ ORG Globex" in coloured.getvalue()  # green, so the check below can fail
    assert "\x1b[32m" not in plain.getvalue()


# --- command line: folders and git revisions ---------------------------------------------------------


def write(folder: Path, rows: Rows) -> None:
    write_tables(folder, {name: to_table(name, table_rows) for name, table_rows in rows.items()})


def test_exit_status_is_0_without_change_and_1_with_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "old", base_rows())
    write(tmp_path / "same", base_rows())
    write(tmp_path / "new", with_document_c(base_rows()))
    assert run_diff(["old", "same"], tmp_path, monkeypatch, capsys)[0] == 0
    assert run_diff(["old", "new"], tmp_path, monkeypatch, capsys)[0] == 1


def test_a_missing_table_counts_as_empty(tmp_path: Path) -> None:
    write(tmp_path / "new", base_rows())
    rows = base_rows()
    del rows["relations"]
    write(tmp_path / "old", rows)
    report = diff.compare(
        diff.load_folder(tmp_path / "old", label="old"), diff.load_folder(tmp_path / "new", label="new")
    )
    assert keys(report.table("relations").added, "relation_id") == ["r1", "r2"]
    assert [(c.before, c.after) for c in report.summary if c.table == "relations" and c.group == "all"] == [
        (0, 2)
    ]


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose one commit holds the base tables in extracted/."""
    git(tmp_path, "init", "-q")
    write(tmp_path / "extracted", base_rows())
    git(tmp_path, "add", "extracted")
    git(tmp_path, "commit", "-q", "-m", "base tables")
    return tmp_path


def test_default_compares_head_with_the_working_copy(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repo / "extracted", with_rule_change(base_rows()))
    code, out = run_diff(["--format", "md"], repo, monkeypatch, capsys)
    assert code == 1
    assert "    end: 4 → 5" in out.splitlines()
    assert "## Extracted tables: HEAD (" in out


def test_two_revisions_are_compared(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repo / "extracted", with_document_c(base_rows()))
    git(repo, "commit", "-q", "-am", "add c.txt")
    code, out = run_diff(
        ["HEAD~1", "HEAD", "--format", "md", "--table", "documents"], repo, monkeypatch, capsys
    )
    assert code == 1
    assert "+ raw/c.txt (en, ok, 25 chars)" in out.splitlines()
    assert run_diff(["HEAD", "HEAD"], repo, monkeypatch, capsys)[0] == 0


def test_a_table_missing_at_a_revision_counts_as_empty(repo: Path) -> None:
    (repo / "extracted" / "relations.parquet").unlink()
    git(repo, "commit", "-q", "-am", "drop relations")
    old = diff.load_revision("HEAD", tables_dir=Path("extracted"), cwd=repo)
    assert old.rows("relations") == []
    assert len(old.rows("mentions")) == 5


def test_a_bad_revision_is_a_clear_error(repo: Path) -> None:
    with pytest.raises(ExtractError) as caught:
        diff.load_side("no-such-branch", tables_dir=Path("extracted"), cwd=repo)
    assert caught.value.key == "diff.bad_revision"
    assert "'no-such-branch'" in str(caught.value)
