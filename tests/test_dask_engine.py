"""The Dask engine: same tables as the local engine, clear refusals, one recogniser per settings."""

from __future__ import annotations

import socket
from dataclasses import replace
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from extract.cli.main import main
from extract.core.errors import ExtractError, message
from extract.core.schema import TABLES
from extract.core.settings import load_settings
from extract.run import dask_engine, engines
from extract.run.runner import run

TEXTS = {
    "a.txt": "The University of Lyon signed an agreement with Acme Corporation on 3 March 2021.\n"
    "Prof. Marie Dupont, president of the University of Lyon, welcomed the partnership.\n",
    "b.txt": "Acme Corporation opened a laboratory in Grenoble on 14 June 2022.\n"
    "Dr. John Smith, chief executive of Acme Corporation, said the site would hire forty people.\n",
    "c.txt": "L'Institut Pasteur et le CNRS ont annoncé le 12 janvier 2022 un partenariat de recherche.\n"
    "Jean Martin, directeur général de l'Institut Pasteur, a salué cet accord signé à Paris.\n",
    "d.txt": "La Fondation Lumière a nommé Claire Petit présidente le 5 septembre 2020.\n"
    "Claire Petit dirigeait auparavant le Centre Hospitalier de Nantes depuis plusieurs années.\n",
}


def _write_texts(raw: Path) -> None:
    raw.mkdir()
    for name, text in TEXTS.items():
        (raw / name).write_text(text, encoding="utf-8")


@pytest.mark.slow
def test_dask_engine_tables_equal_local_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = tmp_path / "raw"
    _write_texts(raw)
    # One document per batch: the four batches are spread over both workers and must come back in order.
    monkeypatch.setattr(engines, "BATCH_DOCS", 1)
    settings = replace(load_settings(), run_processes=2)
    run(raw, tmp_path / "local", settings=settings, progress=False, engine="local")
    run(raw, tmp_path / "dask", settings=settings, progress=False, engine="dask")
    for name in TABLES:
        local = pq.read_table(tmp_path / "local" / f"{name}.parquet")
        distributed = pq.read_table(tmp_path / "dask" / f"{name}.parquet")
        assert distributed.schema == local.schema
        assert distributed.to_pylist() == local.to_pylist(), name
        assert (tmp_path / "dask" / f"{name}.parquet").read_bytes() == (
            tmp_path / "local" / f"{name}.parquet"
        ).read_bytes()
    assert not (tmp_path / "dask" / ".cache" / "recognised.parts").exists()  # merged, then removed


def test_a_worker_writes_its_batch_as_a_part_with_the_recognised_schema(tmp_path: Path) -> None:
    from extract.core.records import Paragraph
    from extract.core.work_files import RECOGNISED
    from extract.recognise.recogniser import Recogniser

    text = "Acme Corporation hired Jane Doe on 3 March 2021."
    items = [(text, [Paragraph(0, len(text), "en", False)])]
    keys = [{"doc_id": "d1", "sha256": "s1", "version": "v1"}]
    dask_engine._recognisers["test"] = Recogniser(load_settings())
    try:
        part, loaded = dask_engine.annotate_to_part("test", items, keys, str(tmp_path / "part-0.parquet"))
    finally:
        dask_engine._recognisers.pop("test")
    table = pq.read_table(part)
    assert table.schema == RECOGNISED
    assert table.column("doc_id").to_pylist() == ["d1"]
    assert loaded == ["en"]
    (fields,) = dask_engine.read_part(part)
    assert set(fields) == {"status", "message", "mentions", "relations"}
    assert {m["text"] for m in fields["mentions"]} >= {"Acme Corporation", "Jane Doe", "3 March 2021"}


def test_a_part_this_machine_cannot_read_stops_the_run_with_a_message(tmp_path: Path) -> None:
    with pytest.raises(ExtractError) as caught:
        dask_engine.read_part(str(tmp_path / "missing.parquet"))
    assert caught.value.key == "run.part_unreadable"
    assert "missing.parquet" in str(caught.value)


def test_scheduler_without_dask_engine_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "raw").mkdir()
    argv = ["run", "--raw", str(tmp_path / "raw"), "--out", str(tmp_path / "out"), "--scheduler", "tcp://h:1"]
    assert main(argv) == 2
    assert message("run.scheduler_needs_dask", address="tcp://h:1") in capsys.readouterr().err


def test_unreachable_scheduler_names_the_address(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as probe:  # a port nothing listens on: bound, then released
        probe.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{probe.getsockname()[1]}"
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", 1)
    with pytest.raises(ExtractError) as caught, dask_engine.connect(load_settings(), address):
        pass
    assert caught.value.key == "run.scheduler_unreachable"
    assert address in str(caught.value)


@pytest.mark.parametrize(("processes", "expected"), [(1, 2), (2, 2), (3, 3)])
def test_local_cluster_has_at_least_two_workers(processes: int, expected: int) -> None:
    settings = replace(load_settings(), run_processes=processes)
    assert dask_engine.local_workers(settings) == expected


def test_plugin_name_differs_with_settings_and_baseline() -> None:
    settings = load_settings()
    other = replace(settings, recognise_batch_size=settings.recognise_batch_size + 1)
    names = {
        dask_engine.plugin_name(settings, baseline=False),
        dask_engine.plugin_name(settings, baseline=True),
        dask_engine.plugin_name(other, baseline=False),
    }
    assert len(names) == 3
    assert dask_engine.plugin_name(settings, baseline=False) == dask_engine.plugin_name(
        load_settings(), baseline=False
    )
