"""Stage 2, segment: paragraphs, their language and boilerplate flags, into WORK/segmented.parquet.

Documents whose content and pipeline version did not change are not segmented again.
"""

from pathlib import Path

import typer

from extract.core.settings import load_settings
from extract.run.runner import output_lock
from extract.run.stages import segment_stage


def main(
    work: Path = typer.Option(Path("extracted/.cache"), help="work folder of the stages"),
    settings: Path = typer.Option(None, help="TOML file of settings laid over the defaults"),
) -> None:
    with output_lock(work.parent):
        rows = segment_stage(work, load_settings(settings))
    langs = sorted({r["lang"] for r in rows})
    typer.echo(f"segment: {len(rows)} documents ({', '.join(langs) or 'none'})")


if __name__ == "__main__":
    typer.run(main)
