"""The options of a run, defined once for ``extract run`` and the stage scripts of ``pipeline/``.

``make run`` and ``make extract ARGS=...`` take the same options, so both go
through the functions here: the ``add_*`` functions declare the options on a
parser, and :func:`run_settings` checks them and lays them over the settings
file. An option refused here is refused the same way by both command lines.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from extract.core.errors import ExtractError
from extract.core.settings import Settings, load_settings
from extract.linking.aliases import user_aliases
from extract.run.engines import ENGINES

#: Where ``make extract`` keeps the stages' work files, under the default output folder.
DEFAULT_WORK = Path("extracted/.cache")


def add_raw(parser: argparse.ArgumentParser) -> None:
    """``--raw DIR``: the folder of input texts."""
    parser.add_argument(
        "--raw", type=Path, default=Path("raw"), metavar="DIR", help="folder of input texts (default: raw)"
    )


def add_allow_shrink(parser: argparse.ArgumentParser) -> None:
    """``--allow-shrink``: accept an empty raw folder, or one that lost most of its files."""
    parser.add_argument(
        "--allow-shrink",
        action="store_true",
        help="accept a raw folder that is empty or lost more than half of the last run's files "
        "(without it the run stops and writes nothing)",
    )


def add_out(parser: argparse.ArgumentParser) -> None:
    """``--out DIR``: the folder of the tables."""
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("extracted"),
        metavar="DIR",
        help="folder of the tables (default: extracted)",
    )


def add_tables(parser: argparse.ArgumentParser) -> None:
    """``--tables DIR``: the folder of the tables a reading command reads (show, query, export, explore)."""
    parser.add_argument(
        "--tables",
        type=Path,
        default=Path("extracted"),
        metavar="DIR",
        help="folder of the tables (default extracted)",
    )


def add_no_color(parser: argparse.ArgumentParser) -> None:
    """``--no-color``: plain text even on a terminal."""
    parser.add_argument("--no-color", action="store_true", help="no colour even on a terminal")


def add_work(parser: argparse.ArgumentParser) -> None:
    """``--work DIR``: the stages' work folder (a stage script's lock is held on its parent)."""
    parser.add_argument(
        "--work",
        type=Path,
        default=DEFAULT_WORK,
        metavar="DIR",
        help=f"work folder of the stages (default: {DEFAULT_WORK})",
    )


def add_settings(parser: argparse.ArgumentParser) -> None:
    """``--settings FILE``: a TOML file laid over the default settings."""
    parser.add_argument(
        "--settings", type=Path, metavar="FILE", help="TOML file of settings laid over the defaults"
    )


def add_recognition(parser: argparse.ArgumentParser) -> None:
    """The options of the recognise stage: processes, baseline, progress bar, engine and scheduler."""
    parser.add_argument(
        "--processes", type=int, metavar="N", help="worker processes for recognition (0: one per core)"
    )
    parser.add_argument(
        "--baseline", action="store_true", help="bare spaCy models only, no rules (for comparison in scores)"
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default="local",
        help="where recognition runs: local processes, or a Dask cluster (default: local)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (with --engine dask; "
        "default: a local cluster of --processes workers, at least 2)",
    )


def run_settings(args: argparse.Namespace) -> Settings:
    """The settings of ``--settings`` with ``--processes`` laid over them, once the options are checked.

    ``args`` holds the options of :func:`add_settings` and :func:`add_recognition`.
    """
    settings = load_settings(args.settings)
    if args.processes is not None:
        if args.processes < 0:
            raise ExtractError(
                "settings.range",
                name="run.processes",
                path="--processes",
                expected="an integer >= 0",
                got=args.processes,
            )
        settings = replace(settings, run_processes=args.processes)
    if args.scheduler and args.engine != "dask":
        raise ExtractError("run.scheduler_needs_dask", address=args.scheduler)
    user_aliases(settings.linking_aliases)  # a wrong aliases file stops every stage at once, not after hours
    return settings
