"""The command line: ``python -m extract COMMAND ...``.

Each command lives in its own module, which exposes ``register(subparsers)``;
that function adds the command's parser and sets ``func`` to the callable that
runs it and returns the exit code. Modules are imported here only, so that
adding a command is one line in :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from extract import __version__
from extract.core.errors import ExtractError

#: Modules that each register one command, in the order ``--help`` lists them.
COMMANDS: tuple[str, ...] = (
    "extract.run.runner",
    "extract.evaluate.score",
    "extract.evaluate.gold",
    "extract.review.diff",
    "extract.review.textconv",
)


def build_parser() -> argparse.ArgumentParser:
    """The parser with every command of :data:`COMMANDS` registered."""
    parser = argparse.ArgumentParser(
        prog="extract",
        description="Organisations, people, dates and their relations from press releases.",
    )
    parser.add_argument("--version", action="version", version=f"extract {__version__}")
    parser.add_argument("-q", "--quiet", action="store_true", help="print warnings and errors only")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMANDS:
        importlib.import_module(module).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; return its exit code (2 for a usage error or a stopping failure)."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING if args.quiet else logging.INFO,
        format="%(levelname)s: %(message)s" if args.quiet else "%(message)s",
        stream=sys.stderr,
    )
    try:
        return int(args.func(args) or 0)
    except ExtractError as error:
        print(f"extract {args.command}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"extract {args.command}: interrupted; the tables on disk are unchanged", file=sys.stderr)
        return 130
