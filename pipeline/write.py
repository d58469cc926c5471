"""Stage 5, write: check the tables against the contract, then replace OUT/*.parquet atomically.

Holds the output folder's lock while writing, so two runs never interleave.
"""

from pathlib import Path

import typer

from extract.run.runner import output_lock, summarise
from extract.run.stages import write_stage


def main(
    work: Path = typer.Option(Path("extracted/.cache"), help="work folder of the stages"),
    out: Path = typer.Option(Path("extracted"), help="folder of the tables"),
) -> None:
    with output_lock(out):
        tables, changed = write_stage(work, out)
    summary = summarise(tables)
    summary.changed = changed
    typer.echo(summary.line())


if __name__ == "__main__":
    typer.run(main)
