"""A user's own aliases (setting linking.aliases): checked, laid over the shipped list, read by linking."""

from __future__ import annotations

import os
import subprocess
from dataclasses import replace
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from extract.core.errors import ExtractError
from extract.core.records import Mention
from extract.core.settings import load_settings
from extract.linking.aliases import user_aliases
from extract.linking.entities import link
from extract.run.runner import normalise_fingerprint, run
from extract.run.version import pipeline_version


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def org(text: str, key: str) -> Mention:
    return Mention(0, len(text), "ORG", text, "en", "rule", key=key)


def test_rows_are_read_with_comments_and_blank_lines_left_out(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", "canonical,alias\n# ours\n\nAcme Corporation,ACME Corp\n")
    assert user_aliases(path) == (("Acme Corporation", "ACME Corp"),)


def test_no_setting_means_no_aliases() -> None:
    assert user_aliases("") == ()


def test_a_bad_row_is_refused_naming_the_setting_the_file_and_its_line(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", "canonical,alias\n# ours\nAcme Corporation\n")
    with pytest.raises(
        ExtractError, match=rf"setting 'linking.aliases': {tmp_path}/a.csv, line 3: a row needs"
    ):
        user_aliases(path)


def test_a_missing_header_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match="line 1: the first row must be the header"):
        user_aliases(write(tmp_path / "a.csv", "Acme Corporation,ACME Corp\n"))


def test_one_alias_of_two_canonical_names_is_refused_naming_both_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", "canonical,alias\nAcme Corporation,ACME\nAcme Robotics,ACME\n")
    with pytest.raises(
        ExtractError, match=r"line 3: 'ACME' is already an alias of 'Acme Corporation' \(line 2\)"
    ):
        user_aliases(path)


def test_a_missing_file_is_refused_naming_the_setting(tmp_path: Path) -> None:
    with pytest.raises(
        ExtractError, match=r"setting 'linking.aliases' names .*nope\.csv, which cannot be read"
    ):
        user_aliases(tmp_path / "nope.csv")


def test_a_relative_path_is_read_from_the_settings_files_folder(tmp_path: Path) -> None:
    settings = write(tmp_path / "my.toml", '[linking]\naliases = "ours/aliases.csv"\n')
    assert load_settings(settings).linking_aliases == str(tmp_path / "ours" / "aliases.csv")


def test_a_users_alias_joins_two_names_across_documents_under_its_canonical_name() -> None:
    documents = [("d1", [org("ACME Corp", "k1")]), ("d2", [org("Acme Corporation Ltd", "k2")])]
    _, entities = link(
        documents, aliases=[("Acme Corporation", "ACME Corp"), ("Acme Corporation", "Acme Corporation Ltd")]
    )
    assert [(e.name, e.n_docs) for e in entities] == [("Acme Corporation", 2)]


def test_without_the_users_alias_the_two_names_stay_apart() -> None:
    documents = [("d1", [org("ACME Corp", "k1")]), ("d2", [org("Acme Corporation Ltd", "k2")])]
    assert len(link(documents)[1]) == 2


def test_a_users_alias_wins_over_the_shipped_list() -> None:
    _, entities = link(
        [("d1", [org("Curie Institute", "k1")])], aliases=[("Curie Foundation", "Curie Institute")]
    )
    assert [e.name for e in entities] == ["Curie Foundation"]


def test_the_aliases_file_is_no_part_of_the_recognise_stages_cache_key() -> None:
    settings = load_settings()
    assert pipeline_version(replace(settings, linking_aliases="/some/aliases.csv")) == pipeline_version(
        settings
    )


def test_the_aliases_rows_are_part_of_the_normalise_stages_fingerprint(tmp_path: Path) -> None:
    assert normalise_fingerprint(tmp_path, (("A", "B"),)) != normalise_fingerprint(tmp_path, ())


@pytest.mark.slow
def test_a_change_of_aliases_relinks_without_parsing_again(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    write(
        raw / "en.txt",
        "On 12 May 2022, Acme Robotics opened a research laboratory with the University of Lyon.\n",
    )
    write(raw / "fr.txt", "Acme Robotics a signé un partenariat avec l'Université de Lyon le 3 mars 2023.\n")
    run(raw, out, settings=load_settings(), progress=False)
    write(tmp_path / "aliases.csv", "canonical,alias\nUniversité de Lyon,University of Lyon\n")
    settings = load_settings(write(tmp_path / "my.toml", '[linking]\naliases = "aliases.csv"\n'))
    summary = run(raw, out, settings=settings, progress=False)
    lyon = [e for e in pq.read_table(out / "entities.parquet").to_pylist() if "Lyon" in e["name"]]
    assert (summary.processed, summary.models) == (0, [])
    assert [(e["name"], e["n_docs"]) for e in lyon] == [("Université de Lyon", 2)]


@pytest.mark.slow
def test_make_extract_relinks_when_the_aliases_file_changes_without_recognising_again(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    write(
        raw / "en.txt",
        "On 12 May 2022, Acme Robotics opened a research laboratory with the University of Lyon.\n",
    )
    write(raw / "fr.txt", "Acme Robotics a signé un partenariat avec l'Université de Lyon le 3 mars 2023.\n")
    aliases = write(tmp_path / "aliases.csv", "canonical,alias\n")
    settings = write(tmp_path / "my.toml", '[linking]\naliases = "aliases.csv"\n')
    repo = Path(__file__).resolve().parent.parent
    env = {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")}
    command = [
        "make",
        "-s",
        "-C",
        str(repo),
        "extract",
        f"RAW={raw}",
        f"OUT={out}",
        f"ARGS=--settings {settings}",
    ]

    def make() -> str:
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, check=True)
        return done.stdout

    first = make()
    write(aliases, "canonical,alias\nUniversité de Lyon,University of Lyon\n")
    relinked = make()
    unchanged = make()
    lyon = [e["n_docs"] for e in pq.read_table(out / "entities.parquet").to_pylist() if "Lyon" in e["name"]]
    assert ("recognise:" in first, "recognise:" in relinked, "normalise: documents" in relinked) == (
        True,
        False,
        True,
    )
    assert unchanged.splitlines() == [
        "ingest: 2 files, 2 with text",
        "normalise: inputs unchanged, tables reused",
    ]
    assert lyon == [2] and (out / "facts.parquet").exists()
