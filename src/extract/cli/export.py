"""``extract export --format csv|jsonl|graphml --out PATH``: the tables for other tools
(:mod:`extract.explore.export`). Exit status: 0 written, 2 an error.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from extract.cli.options import add_tables
from extract.core.errors import message

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``export`` command."""
    parser = subparsers.add_parser(
        "export",
        help="write the tables as CSV, JSON Lines or GraphML",
        description="Write the tables for other tools: csv and jsonl write one file per table into the "
        "folder PATH, with entity names and document paths beside the IDs; graphml writes the file "
        "PATH, entities as nodes and facts as edges (networkx, Gephi).",
    )
    parser.add_argument("--format", choices=("csv", "jsonl", "graphml"), required=True, help="output format")
    parser.add_argument("--out", type=Path, required=True, metavar="PATH", help="folder (csv, jsonl) or file")
    add_tables(parser)
    parser.set_defaults(func=export_command)


def export_command(args: argparse.Namespace) -> int:
    """Write the export and say where."""
    from extract.explore.export import export
    from extract.explore.tables import read_tables

    written = export(read_tables(args.tables), args.format, args.out)
    what = f"{len(written)} {args.format} file{'s' if len(written) != 1 else ''}"
    log.info(message("export.written", what=what, path=args.out))
    return 0
