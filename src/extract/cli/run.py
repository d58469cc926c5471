"""``extract run``: the five stages on a folder of raw texts, in one process.

The options are those of :mod:`extract.cli.options`, shared with the stage
scripts of ``pipeline/``; the work itself, the lock and the summary are in
:mod:`extract.run.runner`.
"""

from __future__ import annotations

import argparse
import logging

from extract.cli import options
from extract.run.runner import run

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``run`` command."""
    parser = subparsers.add_parser(
        "run",
        help="extract the tables from a folder of raw texts",
        description="Extract ORG, PERSON and DATE mentions, entities and relations from every .txt, .pdf "
        "and .html file under RAW into OUT/*.parquet. Only new or changed files are processed.",
    )
    options.add_raw(parser)
    options.add_allow_shrink(parser)
    options.add_out(parser)
    options.add_settings(parser)
    options.add_recognition(parser)
    parser.set_defaults(func=run_command)


def run_command(args: argparse.Namespace) -> int:
    """Run the stages and log the summary line."""
    summary = run(
        args.raw,
        args.out,
        settings=options.run_settings(args),
        baseline=args.baseline,
        progress=not args.no_progress,
        engine=args.engine,
        scheduler=args.scheduler,
        allow_shrink=args.allow_shrink,
    )
    log.info("%s", summary.line())
    return 0
