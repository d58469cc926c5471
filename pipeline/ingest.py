"""Stage 1, ingest: decode every .txt, .pdf and .html file under RAW into WORK/documents.parquet.

Files whose size and mtime did not change since the last run are not read again.
"""

from pathlib import Path

import typer

from extract.core.settings import load_settings
from extract.run.runner import output_lock
from extract.run.stages import ingest_stage


def main(
    raw: Path = typer.Option(Path("raw"), help="folder of input texts"),
    work: Path = typer.Option(Path("extracted/.cache"), help="work folder of the stages"),
    settings: Path = typer.Option(None, help="TOML file of settings laid over the defaults"),
) -> None:
    with output_lock(work.parent):
        rows = ingest_stage(raw, work, load_settings(settings))
    typer.echo(f"ingest: {len(rows)} files, {sum(r['status'] == 'ok' for r in rows)} with text")


if __name__ == "__main__":
    typer.run(main)
