"""Stage 4, normalise: one canonical entity per organisation and person across documents,
and the four tables, into WORK/tables/."""

from pathlib import Path

import typer

from extract.run.runner import output_lock
from extract.run.stages import normalise_stage


def main(work: Path = typer.Option(Path("extracted/.cache"), help="work folder of the stages")) -> None:
    with output_lock(work.parent):
        tables = normalise_stage(work)
    typer.echo("normalise: " + ", ".join(f"{name} {table.num_rows}" for name, table in tables.items()))


if __name__ == "__main__":
    typer.run(main)
