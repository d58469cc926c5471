"""Stage 3, recognise: ORG, PERSON and DATE mentions and relations, into WORK/recognised.parquet.

Only documents that are new or changed (or all, after a change of rules or
models) go through the spaCy models; a run with nothing new loads no model.
"""

from dataclasses import replace
from pathlib import Path

import typer

from extract.core.settings import load_settings
from extract.run.runner import output_lock
from extract.run.stages import recognise_stage


def main(
    work: Path = typer.Option(Path("extracted/.cache"), help="work folder of the stages"),
    settings: Path = typer.Option(None, help="TOML file of settings laid over the defaults"),
    processes: int = typer.Option(None, help="worker processes (0: one per core)"),
    baseline: bool = typer.Option(False, help="bare spaCy models only, no rules"),
    engine: str = typer.Option("local", help="local, or dask for a Dask cluster"),
    scheduler: str = typer.Option(None, help="Dask scheduler address (with --engine dask)"),
) -> None:
    config = load_settings(settings)
    if processes is not None:
        config = replace(config, run_processes=processes)
    with output_lock(work.parent):
        stats = recognise_stage(work, config, baseline=baseline, engine=engine, scheduler=scheduler)
    typer.echo(f"recognise: {stats['processed']} processed, {stats['reused']} reused")


if __name__ == "__main__":
    typer.run(main)
