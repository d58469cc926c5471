"""The stage scripts of ``pipeline/``: one function per stage, each a small command line.

``make extract`` runs the stages one by one (``pipeline/STAGE.py``), so that
make can skip a stage whose inputs did not change. Their options are those of
``extract run`` (:mod:`extract.cli.options`), checked the same way, and a
failure stops a stage as it stops ``extract run``: a message on stderr and exit
code 2. Each stage holds the output folder's lock (the work folder's parent,
or ``--out``) while it works; the stages themselves are in :mod:`extract.run.stages`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

from extract.cli import options
from extract.cli.main import call, configure_logging
from extract.core.settings import load_settings
from extract.run import stages
from extract.run.runner import output_lock, summarise


def _stage(
    name: str,
    description: str,
    adders: Sequence[Callable[[argparse.ArgumentParser], None]],
    work: Callable[[argparse.Namespace], str],
    argv: Sequence[str] | None,
) -> int:
    """Parse ``argv`` with the options of ``adders``, run ``work`` and print the line it returns."""
    parser = argparse.ArgumentParser(prog=f"pipeline/{name}.py", description=description)
    for add in adders:
        add(parser)
    args = parser.parse_args(argv)
    configure_logging()

    def command(args: argparse.Namespace) -> int:
        print(work(args))
        return 0

    return call(parser.prog, command, args)


def ingest(argv: Sequence[str] | None = None) -> int:
    """Stage 1: decode every file under ``--raw`` into WORK/documents.parquet."""

    def work(args: argparse.Namespace) -> str:
        stages.check_raw(args.raw)  # before the lock: a wrong --raw leaves no output folder behind
        with output_lock(args.work.parent):
            settings = load_settings(args.settings)
            rows = stages.ingest_stage(args.raw, args.work, settings, allow_shrink=args.allow_shrink)
        return f"ingest: {len(rows)} files, {sum(r['status'] == 'ok' for r in rows)} with text"

    adders = (options.add_raw, options.add_allow_shrink, options.add_work, options.add_settings)
    return _stage("ingest", ingest.__doc__ or "", adders, work, argv)


def segment(argv: Sequence[str] | None = None) -> int:
    """Stage 2: paragraphs, their language and boilerplate flags, into WORK/segmented.parquet."""

    def work(args: argparse.Namespace) -> str:
        with output_lock(args.work.parent):
            rows = stages.segment_stage(args.work, load_settings(args.settings))
        langs = sorted({r["lang"] for r in rows})
        return f"segment: {len(rows)} documents ({', '.join(langs) or 'none'})"

    return _stage("segment", segment.__doc__ or "", (options.add_work, options.add_settings), work, argv)


def recognise(argv: Sequence[str] | None = None) -> int:
    """Stage 3: ORG, PERSON and DATE mentions and relations, into WORK/recognised.parquet."""

    def work(args: argparse.Namespace) -> str:
        settings = options.run_settings(args)
        with output_lock(args.work.parent):
            stats = stages.recognise_stage(
                args.work,
                settings,
                baseline=args.baseline,
                progress=not args.no_progress,
                engine=args.engine,
                scheduler=args.scheduler,
            )
        return f"recognise: {stats['processed']} processed, {stats['reused']} reused"

    adders = (options.add_work, options.add_settings, options.add_recognition)
    return _stage("recognise", recognise.__doc__ or "", adders, work, argv)


def normalise(argv: Sequence[str] | None = None) -> int:
    """Stage 4: one entity per organisation and person across documents, and the tables, into WORK/tables/."""

    def work(args: argparse.Namespace) -> str:
        with output_lock(args.work.parent):
            tables = stages.normalise_stage(args.work)
        return "normalise: " + ", ".join(f"{name} {table.num_rows}" for name, table in tables.items())

    return _stage("normalise", normalise.__doc__ or "", (options.add_work,), work, argv)


def write(argv: Sequence[str] | None = None) -> int:
    """Stage 5: check the tables against the contract, then replace OUT/*.parquet atomically."""

    def work(args: argparse.Namespace) -> str:
        with output_lock(args.out):
            tables, changed = stages.write_stage(args.work, args.out)
        summary = summarise(tables)
        summary.changed = changed
        return summary.line()

    return _stage("write", write.__doc__ or "", (options.add_work, options.add_out), work, argv)
