"""``extract explore``: write the browsable explorer of a tables folder (:mod:`extract.explore.site`)."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from extract.cli.options import add_tables
from extract.core.errors import message

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``explore`` command."""
    parser = subparsers.add_parser(
        "explore",
        help="write a static site to browse the tables: entities, their facts, documents",
        description=(
            "Write a static site (index.html, no server and no network needed) with a searchable index "
            "of the organisations and people, a page per entity with its facts and neighbours, and each "
            "document with its mentions and the evidence of its relations marked."
        ),
    )
    add_tables(parser)
    parser.add_argument(
        "--out",
        default="reports/explore",
        metavar="DIR",
        help="folder the site is written to (reports/explore)",
    )
    parser.set_defaults(func=explore_command)


def explore_command(args: argparse.Namespace) -> int:
    """Run ``extract explore``."""
    from extract.explore.site.build import build_site

    page = build_site(tables=args.tables, out=Path(args.out))
    log.info(message("explore.written", path=page))
    return 0
